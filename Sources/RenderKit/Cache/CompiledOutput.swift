/// What `CompilationCache.compile` gives a command: the output tree and findings, and
/// how long each stage took (nothing when the cache answered).
public struct CompiledOutput: Sendable {
  public var compilation: CachedCompilation
  /// Everything the compile computed; `nil` when `.render-cache/` answered (nothing was
  /// parsed or compiled).
  public var full: Compilation?

  public var isCached: Bool { full == nil }
  /// How long each stage took; empty on a cache hit.
  public var stageTimes: [(stage: String, duration: Duration)] { full?.stageTimes ?? [] }
}
