/// Everything one run computed, stage by stage: what the commands print or write.
public struct Compilation: Sendable {
  public var platform: Platform
  /// Every environment whose inheritance chain resolved, abstract ones included.
  public var environments: [String: ResolvedEnvironment]
  /// Resolved services by environment, then service (rendered environments only).
  public var services: [String: [String: ResolvedService]]
  /// Rendered, transformed and patched resources by environment (those compiled now:
  /// not the `reused` ones).
  public var resources: [String: [Resource]]
  /// Each rendered environment's files, findings and outline, in render order,
  /// compiled now or reused.
  public var compiledEnvironments: [CompiledEnvironment]
  /// The environments taken from an earlier compile (`Compiler.compile(reusing:)`).
  public var reused: Set<String>
  /// The files to write.
  public var tree: OutputTree
  /// Every finding of every stage, deduplicated and sorted.
  public var diagnostics: [Diagnostic]
  /// How long each stage took (wall time), for `render build --profile`.
  public var stageTimes: [(stage: String, duration: Duration)] = []

  public var hasErrors: Bool { diagnostics.hasErrors }

  /// The stages' results, gathered.
  init(
    resolved: ResolvedPlatform, validated: [ValidatedEnvironment],
    compiled: [CompiledEnvironment], reused: Set<String>, tree: OutputTree,
    diagnostics: [Diagnostic], stageTimes: [(stage: String, duration: Duration)]
  ) {
    platform = resolved.platform
    environments = resolved.environments
    services = resolved.services.filter { resolved.selected.contains($0.key) }
    resources = Dictionary(
      validated.map { ($0.name, $0.resources) }, uniquingKeysWith: { first, _ in first })
    compiledEnvironments = compiled
    self.reused = reused
    self.tree = tree
    self.diagnostics = diagnostics
    self.stageTimes = stageTimes
  }
}
