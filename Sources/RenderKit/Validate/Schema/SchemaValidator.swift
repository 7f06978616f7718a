/// Checks one resource against compiled schemas and collects `schema` findings.
///
/// One walk over the resource: each mapping key is one dictionary lookup, a `$ref` was
/// resolved at compile time, and the path to the current node is a stack that becomes
/// text only when there is something to report.
struct SchemaValidator {
  let nodes: [SchemaNode]
  /// The rendered file, for the related entry of every finding.
  let renderedPath: String
  /// The resource's kind: the name of the root in messages.
  let kind: String
  /// Secrets' values are never quoted in a finding: findings end up in CI logs.
  let redactsValues: Bool
  private(set) var diagnostics: [Diagnostic] = []
  var path: [PathComponent] = []
  /// Nested `validate` calls. Resources nest at most `ParseLimits.maxDepth` deep, but an
  /// `allOf` that refers back to its own definition (possible in a loaded definitions
  /// file, not in the bundle) would recurse without descending.
  var depth = 0
  private var reportedEndlessSchema = false
  static let maxDepth = 1_000
  /// The types a plain string can read as in YAML 1.1 and not in 1.2.
  private static let yaml11Types = JSONTypes(
    rawValue: JSONTypes.boolean.rawValue | JSONTypes.integer.rawValue | JSONTypes.number.rawValue)

  init(nodes: [SchemaNode], renderedPath: String, kind: String) {
    self.nodes = nodes
    self.renderedPath = renderedPath
    self.kind = kind
    self.redactsValues = kind == "Secret"
  }

  /// Validates `value` against node `index`.
  /// - Parameter fallback: where to point when `value` was made up by render and has no
  ///   location of its own: the nearest ancestor that has one.
  mutating func validate(_ value: Node, against index: Int, fallback: SourceLocation) {
    let schema = nodes[index]
    let location = value.location.isKnown ? value.location : fallback
    guard depth < Self.maxDepth else {
      if !reportedEndlessSchema {
        reportedEndlessSchema = true
        report("the schema of \(subject) refers to itself without end", at: location)
      }
      return
    }
    depth += 1
    defer { depth -= 1 }
    if let reading = yaml11Reading(of: value, allowed: schema.types) {
      report("\(subject): \(reading.message)", at: location, help: reading.help)
      return
    }
    guard !JSONTypes(of: value).isDisjoint(with: schema.types) else {
      reportType(of: value, expected: schema, at: location)
      return
    }

    switch value.content {
    case .scalar(let scalar, _):
      validateScalar(scalar, against: schema, at: location)
    case .sequence(let items):
      if let limits = schema.limits { checkCount(items.count, limits: limits, at: location) }
      if let itemSchema = schema.items {
        // Index loops, here and in `validateMapping`: the generic iterators are
        // unspecialised, and slow, in debug builds.
        var offset = 0
        while offset < items.count {
          path.append(.index(offset))
          validate(items[offset], against: itemSchema, fallback: location)
          path.removeLast()
          offset += 1
        }
      }
      if schema.uniqueItems || schema.listIsSet || schema.listMapKeys != nil {
        checkUnique(items, schema: schema, at: location)
      }
      if schema.enumValues != nil { reportEnum(value, schema: schema, at: location) }
    case .mapping(let entries):
      validateMapping(entries, against: schema, at: location)
      if schema.enumValues != nil { reportEnum(value, schema: schema, at: location) }
    }

    var member = 0
    while member < schema.allOf.count {
      validate(value, against: schema.allOf[member], fallback: location)
      member += 1
    }
    if !schema.anyOf.isEmpty || !schema.oneOf.isEmpty || schema.not != nil {
      validateAlternatives(value, schema: schema, at: location)
    }
  }

  /// A plain scalar render reads as a string but kubectl (YAML 1.1) as a boolean or a
  /// number the field allows: `defaultMode: 0644`, `enabled: yes`, `port: 1_000`. Where
  /// only a string is allowed, the string is what every reader should take it for.
  private func yaml11Reading(of value: Node, allowed: JSONTypes) -> YAML11Reading? {
    guard !allowed.isDisjoint(with: Self.yaml11Types),
      case .scalar(.string(let text), .plain) = value.content,
      let reading = YAML11Reading.of(plain: text),
      !JSONTypes(of: .scalar(reading.value)).isDisjoint(with: allowed)
    else { return nil }
    return reading
  }

  private mutating func reportType(
    of value: Node, expected schema: SchemaNode, at location: SourceLocation
  ) {
    let expected = schema.types
    var actual = schema.format == .byte ? value.typeDescription : describe(value)
    var help: String?
    if case .scalar(.string(let text), let style) = value.content, style != .plain,
      let unquoted = CoreSchema.resolvePlain(text), unquoted != .string(text),
      !JSONTypes(of: .scalar(unquoted)).isDisjoint(with: expected)
    {
      // Without the value: a quoted template expression is one mistake, reported once
      // however many environments give it a value.
      actual = "a string"
      help = "remove the quotes to write \(unquoted.typeDescription)"
    } else if expected.contains(.boolean), let text = value.string,
      ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    {
      help = "YAML 1.2 reads '\(text)' as a string; write true or false"
    } else if expected.contains(.string), let scalar = value.scalar, scalar != .null {
      help = "quote the value to keep it a string"
    }
    report("\(subject) must be \(expected.phrase), not \(actual)", at: location, help: help)
  }

  mutating func reportUnknownField(
    _ key: String, schema: SchemaNode, at location: SourceLocation
  ) {
    let suggestion = Suggestion.didYouMean(key, in: schema.properties.keys)
    report(
      "unknown field '\(key)' in \(context(of: schema))\(suggestion)", at: location,
      path: path + [.key(key)])
  }

  mutating func reportEnum(_ value: Node, schema: SchemaNode, at location: SourceLocation) {
    let allowed = (schema.enumValues ?? []).map(\.canonicalText).joined(separator: ", ")
    let written = value.scalar.map { "'\($0.canonicalText)'" } ?? subject
    report("\(written) is not one of \(allowed)", at: location)
  }

  mutating func reportFormat(
    _ format: ValueFormat, _ scalar: Scalar, at location: SourceLocation
  ) {
    switch format {
    case .int32:
      report(
        "\(subject) is out of range for a 32-bit integer (\(scalar.canonicalText))", at: location)
    case .byte:
      report(
        "\(subject) is not valid base64", at: location,
        help: "encode the value with base64 (a Secret takes plain text under 'stringData')")
    case .dateTime:
      report(
        "\(subject) is not an RFC 3339 date-time (\(quoted(scalar.canonicalText)))",
        at: location, help: "write a time such as 2024-05-01T12:00:00Z")
    case .quantity:
      report(
        "\(subject) is not a valid quantity (\(quoted(scalar.canonicalText)))", at: location,
        help: "write a number with an optional suffix: 500m, 0.5, 128Mi, 1Gi, 1e3")
    }
  }

  mutating func report(
    _ message: String, at location: SourceLocation, path: [PathComponent]? = nil,
    help: String? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        .error, rule: .schema, message, at: location,
        related: [.rendered(renderedPath, field: path ?? self.path)], help: help))
  }

  /// The field being checked, quoted: `'replicas'`, `'containers[0]'`; the kind at the root.
  var subject: String {
    var indexes = ""
    for component in path.reversed() {
      switch component {
      case .index(let index): indexes = "[\(index)]" + indexes
      case .key(let key): return "'\(key)\(indexes)'"
      }
    }
    return kind
  }

  /// The "in X" of a message: the definition's name (`Container`), else the field.
  func context(of schema: SchemaNode) -> String {
    schema.title ?? subject
  }

  private func describe(_ value: Node) -> String {
    redactsValues ? value.typeDescription : value.valueDescription
  }

  /// A value in double quotes, shortened: messages stay one line.
  func quoted(_ text: String) -> String {
    redactsValues ? "(value hidden)" : JSONString.quotedShort(text)
  }

  static func format(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  static func plural(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
  }
}
