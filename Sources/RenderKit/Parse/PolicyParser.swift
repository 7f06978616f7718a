/// Reads one environment's `policy:`, reporting unknown rule ids, severities and keys.
///
/// It runs with the other input parsers, so a typo in a policy is an input error even in
/// an environment that is filtered out or fails to render.
enum PolicyParser {
  /// - Parameter ruleIDs: the ids that may be configured (policy rules and `schema`).
  static func parse(
    _ policy: Node, file: String, ruleIDs: [RuleID] = RuleCatalog.configurableIDs
  ) -> (PolicyLayer, [Diagnostic]) {
    var layer = PolicyLayer()
    let names = ruleIDs.map(\.rawValue)
    var reader = FieldReader(policy, subject: "'policy' in \(file)")
    if let rules = reader.mapping("rules") {
      for entry in rules.mapping ?? [] {
        guard ruleIDs.contains(RuleID(rawValue: entry.key)) else {
          reader.report(
            .input(
              "unknown rule '\(entry.key)'" + Suggestion.didYouMean(entry.key, in: names),
              at: entry.keyLocation,
              help: "rules: \(names.joined(separator: ", "))"))
          continue
        }
        guard let text = entry.value.string, let severity = RuleSeverity(rawValue: text) else {
          reader.report(
            .input(
              "the severity of '\(entry.key)' must be error, warning or off, not \(entry.value.scalar.map { YAMLEmitter.inlineScalar($0) } ?? entry.value.typeDescription)",
              at: entry.value.location))
          continue
        }
        layer.severities[RuleID(rawValue: entry.key)] = severity
      }
    }
    for item in reader.sequence("ignore") ?? [] {
      var fields = FieldReader(item, subject: "a 'policy.ignore' entry in \(file)")
      fields.require("rule")
      let rule = fields.string("rule")
      let service = fields.string("service")?.value
      let kind = fields.string("kind")?.value
      let name = fields.string("name")?.value
      reader.report(fields.finish())
      guard let rule else { continue }
      guard ruleIDs.contains(RuleID(rawValue: rule.value)) else {
        reader.report(
          .input(
            "unknown rule '\(rule.value)'" + Suggestion.didYouMean(rule.value, in: names),
            at: rule.location))
        continue
      }
      layer.ignores.append(
        PolicyIgnore(
          rule: RuleID(rawValue: rule.value), service: service, kind: kind, name: name,
          location: item.location))
    }
    if let labels = reader.stringList("requiredLabels") {
      layer.requiredLabels = labels.map(\.value)
    }
    return (layer, reader.finish())
  }
}
