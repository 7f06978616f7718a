/// Checks resolved values against a template's parameter schemas and fills in
/// defaults of nested properties.
///
/// Findings point at the value's own location, which is the layer that set it, so a
/// wrong type set in `environments/prod/checkout.yaml` is reported there.
struct ParameterChecker {
  /// The message for a missing required key at the top level; parameters are named by
  /// their template there, not by a path.
  var missingParameterMessage: (@Sendable (String) -> String)?
  /// Where to report a missing top-level parameter (the template reference of the service).
  var missingParameterLocation: SourceLocation?

  /// - Parameter checkingDefault: the value is a schema's own `default:` (messages say so).
  func check(
    _ value: Node, against schema: ParameterSchema, path: String, checkingDefault: Bool = false
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    check(value, schema, path: path, into: &diagnostics)
    if checkingDefault {
      return diagnostics.map {
        var diagnostic = $0
        diagnostic.message = "default of '\(path)': " + diagnostic.message
        return diagnostic
      }
    }
    return diagnostics
  }

  private func check(
    _ value: Node, _ schema: ParameterSchema, path: String, depth: Int = 0,
    into diagnostics: inout [Diagnostic]
  ) {
    if value.isNull {
      if !schema.allowsNull {
        diagnostics.append(
          .input(
            "'\(path)' must be \(expected(schema.types)), not null", at: value.location,
            help: "remove the null to use the default, or set a value"))
      }
      return
    }
    // A plain `0644`, `yes` or `1_000` that kubectl (YAML 1.1) would read as a value of a
    // type the parameter allows: the file would mean two things. (An untyped parameter
    // is checked where the template puts it, by the Kubernetes schema.)
    if case .scalar(.string(let text), .plain) = value.content,
      let reading = YAML11Reading.of(plain: text),
      schema.types.contains(where: { matches(.scalar(reading.value), $0) })
    {
      diagnostics.append(
        .input("'\(path)': \(reading.message)", at: value.location, help: reading.help))
      return
    }
    if !schema.types.isEmpty && !schema.types.contains(where: { matches(value, $0) }) {
      var help: String?
      if value.scalar != nil, schema.types.contains(.string) {
        help = "quote the value to make it a string"
      }
      diagnostics.append(
        .input(
          "'\(path)' must be \(expected(schema.types)), not \(value.valueDescription)",
          at: value.location, help: help))
      return
    }
    if let allowed = schema.allowedValues, !allowed.contains(value) {
      let list = allowed.map { $0.scalar.map(YAMLEmitter.inlineScalar) ?? $0.typeDescription }
      let suggestion =
        value.string.flatMap { Suggestion.nearest(to: $0, in: allowed.compactMap(\.string)) }
        .map { "; did you mean '\($0)'?" } ?? ""
      diagnostics.append(
        .input(
          "'\(path)' must be one of \(list.joined(separator: ", ")), not \(value.valueDescription)\(suggestion)",
          at: value.location))
    }
    if let number = numericValue(value) {
      if let minimum = schema.minimum, number < minimum {
        diagnostics.append(
          .input(
            "'\(path)' must be at least \(format(minimum)), not \(format(number))",
            at: value.location))
      }
      if let maximum = schema.maximum, number > maximum {
        diagnostics.append(
          .input(
            "'\(path)' must be at most \(format(maximum)), not \(format(number))",
            at: value.location))
      }
    }
    if let pattern = schema.pattern, let text = value.string, !pattern.matches(text) {
      diagnostics.append(
        .input(
          "'\(path)' (\(JSONString.quotedShort(text))) does not match the pattern "
            + "'\(pattern.source)'",
          at: value.location))
    }
    if let entries = value.mapping {
      for required in schema.required where value[required.value] == nil {
        if depth == 0, let message = missingParameterMessage {
          diagnostics.append(
            .input(message(required.value), at: missingParameterLocation ?? value.location))
        } else {
          diagnostics.append(
            .input(
              "'\(path)' is missing the required key '\(required.value)'", at: value.location))
        }
      }
      for entry in entries {
        let childPath = path + "." + entry.key
        if let property = schema.property(entry.key) {
          check(entry.value, property, path: childPath, depth: depth + 1, into: &diagnostics)
          continue
        }
        switch schema.additional {
        case .allowed:
          break
        case .schema(let additional):
          check(entry.value, additional, path: childPath, depth: depth + 1, into: &diagnostics)
        case .forbidden:
          diagnostics.append(
            .input(
              "unknown key '\(entry.key)' in '\(path)'"
                + Suggestion.didYouMean(entry.key, in: schema.properties.map(\.name)),
              at: entry.keyLocation))
        }
      }
    }
    if let items = value.sequence, let itemSchema = schema.items {
      for (index, item) in items.enumerated() {
        check(item, itemSchema, path: "\(path)[\(index)]", depth: depth + 1, into: &diagnostics)
      }
    }
  }

  /// Adds the defaults of properties that are missing, at every depth of objects that
  /// are present. Returns the value unchanged when there is nothing to add.
  func fillingDefaults(_ value: Node, schema: ParameterSchema) -> Node {
    guard var entries = value.mapping else {
      if let items = value.sequence, let itemSchema = schema.items {
        return Node(
          .sequence(items.map { fillingDefaults($0, schema: itemSchema) }), at: value.location)
      }
      return value
    }
    for index in entries.indices {
      if let property = schema.property(entries[index].key) {
        entries[index].value = fillingDefaults(entries[index].value, schema: property)
      }
    }
    for property in schema.properties where value[property.name] == nil {
      if let defaultValue = property.schema.defaultValue {
        let filled =
          defaultValue.isNull
          ? defaultValue : fillingDefaults(defaultValue, schema: property.schema)
        entries.append(
          Node.Entry(key: property.name, keyLocation: defaultValue.location, value: filled))
      }
    }
    return Node(.mapping(entries), at: value.location)
  }

  private func matches(_ value: Node, _ type: ParameterSchema.ValueType) -> Bool {
    switch (type, value.content) {
    case (.string, .scalar(.string, _)), (.integer, .scalar(.int, _)),
      (.number, .scalar(.int, _)), (.number, .scalar(.float, _)),
      (.boolean, .scalar(.bool, _)), (.null, .scalar(.null, _)),
      (.object, .mapping), (.array, .sequence):
      true
    default:
      false
    }
  }

  private func expected(_ types: [ParameterSchema.ValueType]) -> String {
    let names = types.filter { $0 != .null }.map { type -> String in
      switch type {
      case .string: "a string"
      case .integer: "an integer"
      case .number: "a number"
      case .boolean: "true or false"
      case .object: "a mapping"
      case .array: "a list"
      case .null: "null"
      }
    }
    return names.isEmpty ? "null" : names.joined(separator: " or ")
  }

  private func numericValue(_ value: Node) -> Double? {
    switch value.scalar {
    case .int(let number)?: Double(number)
    case .float(let number)?: number
    default: nil
    }
  }

  private func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }
}
