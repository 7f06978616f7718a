extension RuleCatalog {
  /// Rules that look at one workload at a time.
  static let workloadRules: [any PolicyRule] = [
    ImageTagRule(),
    ResourcesRule(),
    ProbesRule(),
    SecurityContextRule(),
    PlaintextSecretRule(),
    EnvReferencesRule(),
    LabelsRule(),
  ]
}
