#include "CRenderSystem.h"

#if defined(__GLIBC__)
#include <malloc.h>
void render_tune_allocator(void) {
  // Grow each arena's heap 32 MB at a time instead of 128 KB per mprotect: a build
  // allocates tens of megabytes in bursts on every core and exits soon after. The steps
  // are address space; pages count towards memory only once touched.
  mallopt(M_TOP_PAD, 32 << 20);
}
#else
void render_tune_allocator(void) {}
#endif
