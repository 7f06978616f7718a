/// Every policy rule render knows, in the order they are documented.
public enum RuleCatalog {
  public static var all: [any PolicyRule] { [APIServerRule()] + workloadRules + environmentRules }

  /// Ids users may configure in `policy.rules` and `policy.ignore`.
  public static var configurableIDs: [RuleID] { [.schema] + all.map(\.id) }

  public static func rule(_ id: RuleID) -> (any PolicyRule)? {
    all.first { $0.id == id }
  }
}
