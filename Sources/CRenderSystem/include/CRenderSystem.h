#ifndef CRENDERSYSTEM_H
#define CRENDERSYSTEM_H

/// Atomically exchanges two paths (both must exist). Returns 0 on success, -1 with errno
/// set otherwise; errno is ENOSYS or EINVAL where the system or file system cannot do it.
int render_exchange_paths(const char *first, const char *second);

/// glibc malloc settings for a short-lived process that allocates on every core; does
/// nothing elsewhere.
void render_tune_allocator(void);

#endif
