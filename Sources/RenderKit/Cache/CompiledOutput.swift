/// What `CompilationCache.compile` gives a command: the output tree and findings, and
/// how long each stage took (nothing when the cache answered).
public struct CompiledOutput: Sendable {
  public var compilation: CachedCompilation
  /// Everything the compile computed; `nil` when `.render-cache/` answered for the whole
  /// platform (nothing was compiled) or for some environments (their resources were not
  /// rendered).
  public var full: Compilation?
  /// Whether `.render-cache/` answered for the whole platform: nothing was parsed or
  /// compiled.
  public var isCached: Bool
  /// The environments whose share came from their own `.render-cache/` entry, sorted
  /// (on a whole-platform answer: none).
  public var reusedEnvironments: [String]
  /// How long each stage took; empty on a whole-platform answer.
  public var stageTimes: [(stage: String, duration: Duration)]

  public init(
    compilation: CachedCompilation, full: Compilation?, isCached: Bool,
    reusedEnvironments: [String] = [], stageTimes: [(stage: String, duration: Duration)] = []
  ) {
    self.compilation = compilation
    self.full = full
    self.isCached = isCached
    self.reusedEnvironments = reusedEnvironments
    self.stageTimes = stageTimes
  }
}
