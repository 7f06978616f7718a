/// Everything one run computed, stage by stage: what the commands print or write.
public struct Compilation: Sendable {
  public var platform: Platform
  /// Every environment whose inheritance chain resolved, abstract ones included.
  public var environments: [String: ResolvedEnvironment]
  /// Resolved services by environment, then service (rendered environments only).
  public var services: [String: [String: ResolvedService]]
  /// Rendered, transformed and patched resources by environment.
  public var resources: [String: [Resource]]
  /// The files to write.
  public var tree: OutputTree
  /// Every finding of every stage, deduplicated and sorted.
  public var diagnostics: [Diagnostic]
  /// How long each stage took (wall time), for `render build --profile`.
  public var stageTimes: [(stage: String, duration: Duration)] = []

  public var hasErrors: Bool { diagnostics.hasErrors }

  /// The stages' results, gathered.
  init(
    resolved: ResolvedPlatform, validated: [ValidatedEnvironment], tree: OutputTree,
    diagnostics: [Diagnostic], stageTimes: [(stage: String, duration: Duration)]
  ) {
    platform = resolved.platform
    environments = resolved.environments
    services = resolved.services.filter { resolved.selected.contains($0.key) }
    resources = Dictionary(
      validated.map { ($0.name, $0.resources) }, uniquingKeysWith: { first, _ in first })
    self.tree = tree
    self.diagnostics = diagnostics
    self.stageTimes = stageTimes
  }
}
