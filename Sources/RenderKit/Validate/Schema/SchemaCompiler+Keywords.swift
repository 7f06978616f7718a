/// Reading the values of keywords: types, numbers, patterns, `$ref`s.
extension SchemaCompiler {
  /// Keywords that change what is valid; a `$ref` next to nothing else (or next to
  /// descriptions and patch hints) is the referenced node itself.
  static func constrains(_ keyword: String) -> Bool {
    switch keyword {
    case "type", "properties", "additionalProperties", "required", "items", "enum", "format",
      "nullable", "allOf", "anyOf", "oneOf", "not", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
      "minProperties", "maxProperties", "pattern", "uniqueItems", "x-kubernetes-int-or-string",
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource":
      true
    default:
      false
    }
  }

  /// `#/$defs/NAME`, `#/definitions/NAME` or a kind file's
  /// `/api/_definitions.json#/$defs/NAME`: definition names hold no `/`.
  mutating func resolve(_ reference: Node.Entry, dialect: Dialect) -> Int {
    guard dialect == .builtIn else {
      report("'$ref' is not allowed in a CRD schema", at: reference.value)
      return sharedIndex(.anything)
    }
    guard let target = reference.value.string,
      let name = target.split(separator: "/").last.map(String.init),
      let index = reserve(name)
    else {
      report("'$ref' to \(reference.value.string ?? "?") names no definition", at: reference.value)
      return sharedIndex(.anything)
    }
    return index
  }

  mutating func types(_ value: Node) -> JSONTypes {
    let names = value.string.map { [$0] } ?? strings(value)
    var result: JSONTypes = []
    for name in names {
      if let type = JSONTypes(name: name) {
        result.insert(type)
      } else {
        report("unknown type '\(name)'", at: value)
      }
    }
    return names.isEmpty ? .any : result
  }

  func strings(_ value: Node) -> [String] {
    (value.sequence ?? []).compactMap(\.string)
  }

  /// The counts `Limits` keeps, by keyword.
  private static let countLimits:
    [String: any WritableKeyPath<SchemaNode.Limits, Int?> & Sendable] = [
      "minLength": \.minLength, "maxLength": \.maxLength, "minItems": \.minItems,
      "maxItems": \.maxItems, "minProperties": \.minProperties, "maxProperties": \.maxProperties,
    ]

  /// Reads `keyword` into `limits` when it is one of the bounds `Limits` keeps; says
  /// whether it was.
  func readLimit(_ keyword: String, _ value: Node, into limits: inout SchemaNode.Limits) -> Bool {
    if let count = Self.countLimits[keyword] {
      limits[keyPath: count] = value.int
      return true
    }
    switch keyword {
    case "minimum": limits.minimum = number(value)
    case "maximum": limits.maximum = number(value)
    case "exclusiveMinimum": exclusive(value, \.minimum, \.exclusiveMinimum, in: &limits)
    case "exclusiveMaximum": exclusive(value, \.maximum, \.exclusiveMaximum, in: &limits)
    case "multipleOf": limits.multipleOf = number(value).flatMap { $0 > 0 ? $0 : nil }
    default: return false
    }
    return true
  }

  /// `exclusiveMinimum`/`exclusiveMaximum`: OpenAPI 3.0 (CRDs) says `true` next to the
  /// bound; JSON Schema 2020-12 gives the bound itself.
  private func exclusive(
    _ value: Node, _ bound: WritableKeyPath<SchemaNode.Limits, Double?>,
    _ flag: WritableKeyPath<SchemaNode.Limits, Bool>, in limits: inout SchemaNode.Limits
  ) {
    if let given = value.bool {
      limits[keyPath: flag] = given
    } else if let number = number(value) {
      limits[keyPath: bound] = number
      limits[keyPath: flag] = true
    }
  }

  func number(_ value: Node) -> Double? {
    switch value.scalar {
    case .int(let number): Double(number)
    case .float(let number): number
    default: nil
    }
  }

  mutating func pattern(_ value: Node) -> SchemaNode.Pattern? {
    switch PatternDiagnostic.compile(value) {
    case .success(let pattern):
      return pattern
    case .failure(let finding):
      report(finding)
      return nil
    case nil:
      return nil
    }
  }
}
