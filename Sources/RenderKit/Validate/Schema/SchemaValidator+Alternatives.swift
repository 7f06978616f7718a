/// `anyOf`, `oneOf` and `not`.
extension SchemaValidator {
  mutating func validateAlternatives(
    _ value: Node, schema: SchemaNode, at location: SourceLocation
  ) {
    if !schema.anyOf.isEmpty {
      let matches = schema.anyOf.filter { accepts(value, $0, location) }.count
      if matches == 0 { reportAlternatives(schema.anyOf, exactlyOne: false, at: location) }
    }
    if !schema.oneOf.isEmpty {
      let matches = schema.oneOf.filter { accepts(value, $0, location) }.count
      if matches != 1 {
        reportAlternatives(schema.oneOf, exactlyOne: true, matched: matches, at: location)
      }
    }
    if let not = schema.not, accepts(value, not, location) {
      report("\(subject) must not match the schema under 'not'", at: location)
    }
  }

  /// Whether `value` is valid against node `index`, findings discarded: alternatives are
  /// tried, and only the verdict is reported.
  func accepts(_ value: Node, _ index: Int, _ location: SourceLocation) -> Bool {
    var trial = SchemaValidator(nodes: nodes, renderedPath: renderedPath, kind: kind)
    trial.path = path
    trial.depth = depth
    trial.validate(value, against: index, fallback: location)
    return trial.diagnostics.isEmpty
  }

  private mutating func reportAlternatives(
    _ alternatives: [Int], exactlyOne: Bool, matched: Int = 0, at location: SourceLocation
  ) {
    let requiredOnly = alternatives.allSatisfy { nodes[$0].isRequiredOnly }
    if requiredOnly {
      let fields = alternatives.map {
        nodes[$0].required.map { "'\($0)'" }.joined(separator: " and ")
      }
      let list = fields.joined(separator: ", ")
      if matched > 1 {
        report("\(subject) must set only one of \(list)", at: location)
      } else {
        report("\(subject) must set \(exactlyOne ? "exactly " : "")one of \(list)", at: location)
      }
    } else if matched > 1 {
      report("\(subject) matches more than one of the schemas under 'oneOf'", at: location)
    } else {
      report(
        "\(subject) matches none of the schemas under '\(exactlyOne ? "oneOf" : "anyOf")'",
        at: location)
    }
  }
}
