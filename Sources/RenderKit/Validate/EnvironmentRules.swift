extension RuleCatalog {
  /// Rules that look across the resources of an environment.
  static let environmentRules: [any PolicyRule] = [
    NamespaceRule(), UniqueRule(), ReferencesRule(), AutoscaledReplicasRule(),
    DisruptionBudgetRule(),
  ]
}
