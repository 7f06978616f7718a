#ifndef CRENDERSYSTEM_H
#define CRENDERSYSTEM_H

#include <stddef.h>
#include <stdint.h>

/// The SHA-256 digest of `length` bytes at `message`, into `digest`.
void render_sha256(const uint8_t *message, size_t length, uint8_t digest[32]);

/// The process's environment (`environ`; Apple's headers only offer it through
/// `_NSGetEnviron`).
char **render_environment(void);

/// A pipe whose ends are close-on-exec from the start (pipe2 where there is one) and
/// numbered 3 or above. Returns 0, or -1 with errno set.
int render_pipe(int descriptors[2]);

#endif
