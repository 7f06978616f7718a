#define _GNU_SOURCE
#include "CRenderSystem.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <crt_externs.h>
char **render_environment(void) { return *_NSGetEnviron(); }
#else
extern char **environ;
char **render_environment(void) { return environ; }
#endif

// Moves a descriptor to 3 or above (a closed standard stream would otherwise hand out
// 0, 1 or 2, which the child's dup2 calls then clobber), close-on-exec.
static int above_standard_streams(int descriptor) {
  if (descriptor > 2) return descriptor;
  int moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 3);
  int saved = errno;
  close(descriptor);
  errno = saved;
  return moved;
}

int render_pipe(int descriptors[2]) {
#if defined(__linux__)
  // Close-on-exec from the start: no window in which another thread's child inherits it.
  if (pipe2(descriptors, O_CLOEXEC) != 0) return -1;
#else
  if (pipe(descriptors) != 0) return -1;
  fcntl(descriptors[0], F_SETFD, FD_CLOEXEC);
  fcntl(descriptors[1], F_SETFD, FD_CLOEXEC);
#endif
  for (int index = 0; index < 2; index++) {
    descriptors[index] = above_standard_streams(descriptors[index]);
    if (descriptors[index] < 0) {
      int saved = errno;
      if (descriptors[1 - index] >= 0) close(descriptors[1 - index]);
      errno = saved;
      return -1;
    }
  }
  return 0;
}
