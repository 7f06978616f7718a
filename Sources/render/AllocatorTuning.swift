import CRenderSystem

/// glibc malloc settings for a short-lived process that allocates on every core.
///
/// Each thread's arena grows its heap 128 KB at a time, one `mprotect` per step, and
/// a build allocates tens of megabytes in bursts on every core and exits a moment
/// later. Growing in 32 MB steps took 4% off a 1,200-file `--check` (BENCHMARKS.md).
/// The steps are address space: pages count towards memory only once touched.
enum AllocatorTuning {
  static func apply() {
    render_tune_allocator()
  }
}
