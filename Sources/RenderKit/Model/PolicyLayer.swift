/// One environment's `policy:` as written, parsed with the other inputs; the Validate
/// stage folds the layers of an `inherits` chain into `PolicySettings`.
public struct PolicyLayer: Sendable {
  /// `rules`: severities by rule id (`schema` and the policy rules).
  public var severities: [RuleID: RuleSeverity]
  /// `ignore`: every layer's entries apply.
  public var ignores: [PolicyIgnore]
  /// `requiredLabels`, when this layer sets it (the closest setting wins).
  public var requiredLabels: [String]?

  public init(
    severities: [RuleID: RuleSeverity] = [:], ignores: [PolicyIgnore] = [],
    requiredLabels: [String]? = nil
  ) {
    self.severities = severities
    self.ignores = ignores
    self.requiredLabels = requiredLabels
  }
}
