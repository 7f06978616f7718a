#include "CRenderSystem.h"

#if defined(__GLIBC__)
#include <malloc.h>
void render_tune_allocator(void) {
  // Grow each arena's heap 32 MB at a time: a build allocates in bursts on every core
  // and exits soon after (see AllocatorTuning.swift).
  mallopt(M_TOP_PAD, 32 << 20);
}
#else
void render_tune_allocator(void) {}
#endif
