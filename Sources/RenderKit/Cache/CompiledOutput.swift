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
  /// The services compiled alone into an earlier whole-platform result
  /// (`ChangedServicesCompile`), sorted; empty when the compile did not take that path.
  public var recompiledServices: [String]
  /// Writing this run's entries to `.render-cache/`, when the compile was asked to defer
  /// it (`CompilationCache.compile(deferringStore:)`): the command goes on with the
  /// output meanwhile, and awaits `stored()` before it exits.
  public var storing: Task<Void, Never>?
  /// How long each stage took; empty on a whole-platform answer.
  public var stageTimes: [(stage: String, duration: Duration)]

  public init(
    compilation: CachedCompilation, full: Compilation?, isCached: Bool,
    reusedEnvironments: [String] = [], recompiledServices: [String] = [],
    stageTimes: [(stage: String, duration: Duration)] = []
  ) {
    self.compilation = compilation
    self.full = full
    self.isCached = isCached
    self.reusedEnvironments = reusedEnvironments
    self.recompiledServices = recompiledServices
    self.stageTimes = stageTimes
  }

  /// Returns once this run's entries are written (at once when nothing was deferred).
  public func stored() async {
    await storing?.value
  }
}
