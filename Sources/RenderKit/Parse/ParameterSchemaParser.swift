/// Reads the `parameters:` of a template.yaml into `ParameterSchema`s.
enum ParameterSchemaParser {
  /// The top-level `parameters:` mapping: an object schema that admits only its keys.
  /// - Parameter fileStart: where an absent `parameters:` is located (its file's start).
  static func parseParameters(
    _ node: Node?, fileStart: SourceLocation
  ) -> (ParameterSchema, [Diagnostic]) {
    guard let node, !node.isNull else {
      return (
        ParameterSchema(types: [.object], additional: .forbidden, location: fileStart), []
      )
    }
    var diagnostics: [Diagnostic] = []
    guard let entries = node.mapping else {
      return (
        ParameterSchema(types: [.object], additional: .forbidden, location: node.location),
        [.input("'parameters' must be a mapping of parameter names to schemas", at: node.location)]
      )
    }
    var properties: [ParameterSchema.Property] = []
    for entry in entries {
      let (schema, found) = parse(entry.value, path: entry.key)
      diagnostics += found
      properties.append(.init(name: entry.key, schema: schema))
    }
    // A parameter without a default must be set by some layer.
    let required = properties.filter { $0.schema.defaultValue == nil }.map {
      Located($0.name, at: $0.schema.location)
    }
    return (
      ParameterSchema(
        types: [.object], properties: properties, required: required, additional: .forbidden,
        location: node.location),
      diagnostics
    )
  }

  static func parse(_ node: Node, path: String) -> (ParameterSchema, [Diagnostic]) {
    var reader = FieldReader(node, subject: "the schema of parameter '\(path)'")
    var diagnostics: [Diagnostic] = []

    var types: [ParameterSchema.ValueType] = []
    if let typeNode = reader.value("type") {
      let names = typeNode.sequence ?? [typeNode]
      for name in names {
        if let text = name.string, let type = ParameterSchema.ValueType(rawValue: text) {
          types.append(type)
        } else {
          let text = name.string ?? name.typeDescription
          diagnostics.append(
            .input(
              "unknown type '\(text)' for parameter '\(path)'"
                + Suggestion.didYouMean(
                  text, in: ParameterSchema.ValueType.allCases.map(\.rawValue)),
              at: name.location))
        }
      }
    }
    let defaultValue = reader.value("default")
    let allowed = reader.sequence("enum")
    let minimum = number(reader.value("minimum"), key: "minimum", diagnostics: &diagnostics)
    let maximum = number(reader.value("maximum"), key: "maximum", diagnostics: &diagnostics)
    var compiledPattern: RegexPattern?
    if reader.string("pattern") != nil, let patternNode = node["pattern"] {
      switch PatternDiagnostic.compile(patternNode) {
      case .success(let pattern): compiledPattern = pattern
      case .failure(let finding): diagnostics.append(finding)
      case nil: break
      }
    }
    let description = reader.string("description")?.value

    var properties: [ParameterSchema.Property] = []
    if let map = reader.mapping("properties") {
      for entry in map.mapping ?? [] {
        let (schema, found) = parse(entry.value, path: path + "." + entry.key)
        diagnostics += found
        properties.append(.init(name: entry.key, schema: schema))
      }
    }
    let required = reader.stringList("required") ?? []
    for name in required where !properties.contains(where: { $0.name == name.value }) {
      diagnostics.append(
        .input(
          "'\(name.value)' is required but is not one of the properties of '\(path)'"
            + Suggestion.didYouMean(name.value, in: properties.map(\.name)),
          at: name.location))
    }
    var additional = ParameterSchema.Additional.allowed
    if let value = reader.value("additionalProperties") {
      if let flag = value.bool {
        additional = flag ? .allowed : .forbidden
      } else if value.isMapping {
        let (schema, found) = parse(value, path: path + ".*")
        diagnostics += found
        additional = .schema(schema)
      } else {
        diagnostics.append(
          .input("'additionalProperties' must be true, false or a schema", at: value.location))
      }
    } else if !properties.isEmpty {
      // An object with declared properties is closed unless it says otherwise: a typo in a
      // value is then an error instead of a silently ignored key.
      additional = .forbidden
    }
    var items: ParameterSchema?
    if let itemsNode = reader.value("items") {
      let (schema, found) = parse(itemsNode, path: path + "[]")
      diagnostics += found
      items = schema
    }
    var mergeKey: String?
    if let key = reader.string("mergeKey") {
      if !types.isEmpty && !types.contains(.array) {
        diagnostics.append(
          .input(
            "'mergeKey' of parameter '\(path)' needs 'type: array' (a list of mappings)",
            at: key.location))
      } else if key.value.isEmpty {
        diagnostics.append(.input("'mergeKey' must name a field, such as 'name'", at: key.location))
      } else {
        mergeKey = key.value
      }
    }
    diagnostics += reader.finish()

    let schema = ParameterSchema(
      types: types, defaultValue: defaultValue, allowedValues: allowed, minimum: minimum,
      maximum: maximum, pattern: compiledPattern, properties: properties, required: required,
      additional: additional, items: items, mergeKey: mergeKey, description: description,
      location: node.location)
    if let defaultValue {
      let checker = ParameterChecker()
      diagnostics += checker.check(defaultValue, against: schema, path: path, checkingDefault: true)
    }
    return (schema, diagnostics)
  }

  private static func number(
    _ node: Node?, key: String, diagnostics: inout [Diagnostic]
  ) -> Double? {
    guard let node, !node.isNull else { return nil }
    switch node.scalar {
    case .int(let value)?: return Double(value)
    case .float(let value)?: return value
    default:
      diagnostics.append(
        .input("'\(key)' must be a number, not \(node.typeDescription)", at: node.location))
      return nil
    }
  }
}
