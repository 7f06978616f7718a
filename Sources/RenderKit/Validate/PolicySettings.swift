/// An environment's `policy:`, folded along its `inherits` chain: rule severities
/// (a child overrides its parent), ignores (all of the chain's apply) and the labels the
/// `labels` rule requires (the closest setting wins).
public struct PolicySettings: Sendable {
  public var severities: [RuleID: RuleSeverity]
  public var ignores: [PolicyIgnore]
  public var requiredLabels: [String]

  public static let defaultRequiredLabels = ["app.kubernetes.io/name"]

  public init(
    severities: [RuleID: RuleSeverity] = [:], ignores: [PolicyIgnore] = [],
    requiredLabels: [String] = PolicySettings.defaultRequiredLabels
  ) {
    self.severities = severities
    self.ignores = ignores
    self.requiredLabels = requiredLabels
  }

  /// The layers of an `inherits` chain, root first: the closest severity and
  /// `requiredLabels` win, every layer's ignores apply.
  public init(chain: [Environment]) {
    self.init()
    for layer in chain.compactMap(\.policy) {
      severities.merge(layer.severities) { _, closer in closer }
      ignores += layer.ignores
      if let labels = layer.requiredLabels { requiredLabels = labels }
    }
  }

  /// How schema findings count: `policy.rules.schema`, an error by default.
  public var schemaSeverity: RuleSeverity { severities[.schema] ?? .error }

  public func severity(of rule: any PolicyRule) -> RuleSeverity {
    severities[rule.id] ?? rule.defaultSeverity
  }

  /// Whether any ignore names `rule`: when none does, its subjects need no filtering.
  public func ignoresSome(of rule: RuleID) -> Bool {
    ignores.contains { $0.rule == rule }
  }

  public func isIgnored(rule: RuleID, resource: Resource) -> Bool {
    ignores.contains { $0.rule == rule && $0.matches(resource) }
  }
}
