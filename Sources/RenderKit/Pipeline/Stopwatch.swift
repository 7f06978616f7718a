/// Wall time per stage, for `render build --profile` and the benchmarks.
struct Stopwatch {
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant
  private(set) var laps: [(stage: String, duration: Duration)] = []

  init() {
    last = clock.now
  }

  /// Ends the current stage under `stage` and starts the next.
  mutating func lap(_ stage: String) {
    let now = clock.now
    laps.append((stage, now - last))
    last = now
  }
}
