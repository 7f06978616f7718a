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
  private var path: [PathComponent] = []
  /// Nested `validate` calls. Resources nest at most `ParseLimits.maxDepth` deep, but an
  /// `allOf` that refers back to its own definition (possible in a loaded definitions
  /// file, not in the bundle) would recurse without descending.
  private var depth = 0
  private var reportedEndlessSchema = false
  private static let maxDepth = 1_000

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
        for (offset, item) in items.enumerated() {
          path.append(.index(offset))
          validate(item, against: itemSchema, fallback: location)
          path.removeLast()
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

    for member in schema.allOf {
      validate(value, against: member, fallback: location)
    }
    if !schema.anyOf.isEmpty || !schema.oneOf.isEmpty || schema.not != nil {
      validateAlternatives(value, schema: schema, at: location)
    }
  }

  /// A plain scalar render reads as a string but kubectl (YAML 1.1) as a boolean or a
  /// number the field allows: `defaultMode: 0644`, `enabled: yes`, `port: 1_000`. Where
  /// only a string is allowed, the string is what every reader should take it for.
  private func yaml11Reading(of value: Node, allowed: JSONTypes) -> YAML11Reading? {
    guard !allowed.isDisjoint(with: [.boolean, .integer, .number]),
      case .scalar(.string(let text), .plain) = value.content,
      let reading = YAML11Reading.of(plain: text),
      !JSONTypes(of: .scalar(reading.value)).isDisjoint(with: allowed)
    else { return nil }
    return reading
  }

  // MARK: Mappings

  private mutating func validateMapping(
    _ entries: [Node.Entry], against schema: SchemaNode, at location: SourceLocation
  ) {
    if let limits = schema.limits, limits.minProperties != nil || limits.maxProperties != nil {
      checkPropertyCount(entries.count, limits: limits, at: location)
    }
    // Before the fields, so findings come out in document order: the mapping, then what
    // is inside it.
    for key in schema.required {
      let present = entries.contains { entry in
        entry.key == key
          && !(entry.value.isNull && schema.properties[key].map { nodes[$0].nullIsAbsent } == true)
      }
      if !present {
        report(
          "missing required field '\(key)' in \(context(of: schema))", at: location,
          path: path + [.key(key)])
      }
    }
    for entry in entries {
      let keyLocation = entry.keyLocation.isKnown ? entry.keyLocation : location
      if let property = schema.properties[entry.key] {
        if entry.value.isNull && nodes[property].nullIsAbsent { continue }
        path.append(.key(entry.key))
        validate(entry.value, against: property, fallback: keyLocation)
        path.removeLast()
      } else if let additional = schema.additionalProperties {
        path.append(.key(entry.key))
        validate(entry.value, against: additional, fallback: keyLocation)
        path.removeLast()
      } else if schema.rejectsUnknownFields {
        reportUnknownField(entry.key, schema: schema, at: keyLocation)
      }
    }
  }

  // MARK: Scalars

  private mutating func validateScalar(
    _ scalar: Scalar, against schema: SchemaNode, at location: SourceLocation
  ) {
    if let values = schema.enumValues, !values.contains(where: { $0.isSameValue(as: scalar) }) {
      reportEnum(.scalar(scalar), schema: schema, at: location)
    }
    if let format = schema.format, !format.accepts(scalar) {
      reportFormat(format, scalar, at: location)
    }
    if let limits = schema.limits {
      switch scalar {
      case .int(let number):
        checkNumber(Double(number), text: scalar.canonicalText, limits, location)
      case .float(let number): checkNumber(number, text: scalar.canonicalText, limits, location)
      case .string(let text): checkLength(text, limits: limits, at: location)
      default: break
      }
    }
    if let pattern = schema.pattern, case .string(let text) = scalar {
      if !pattern.matches(text) {
        report(
          "\(subject) (\(quoted(text))) does not match the pattern \(pattern.source)", at: location)
      }
    }
  }

  private mutating func checkNumber(
    _ number: Double, text: String, _ limits: SchemaNode.Limits, _ location: SourceLocation
  ) {
    if let minimum = limits.minimum {
      if limits.exclusiveMinimum ? number <= minimum : number < minimum {
        let bound = limits.exclusiveMinimum ? "greater than" : "at least"
        report("\(subject) must be \(bound) \(Self.format(minimum)), not \(text)", at: location)
      }
    }
    if let maximum = limits.maximum {
      if limits.exclusiveMaximum ? number >= maximum : number > maximum {
        let bound = limits.exclusiveMaximum ? "less than" : "at most"
        report("\(subject) must be \(bound) \(Self.format(maximum)), not \(text)", at: location)
      }
    }
    if let divisor = limits.multipleOf {
      let quotient = number / divisor
      if abs(quotient - quotient.rounded()) > 1e-9 {
        report(
          "\(subject) must be a multiple of \(Self.format(divisor)), not \(text)", at: location)
      }
    }
  }

  private mutating func checkLength(
    _ text: String, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    guard limits.minLength != nil || limits.maxLength != nil else { return }
    // JSON Schema counts code points, as the API server does.
    let length = text.unicodeScalars.count
    if let minimum = limits.minLength, length < minimum {
      report(
        "\(subject) must be at least \(Self.plural(minimum, "character")) long, not \(length)",
        at: location)
    }
    if let maximum = limits.maxLength, length > maximum {
      report(
        "\(subject) must be at most \(Self.plural(maximum, "character")) long, not \(length)",
        at: location)
    }
  }

  // MARK: Lists

  private mutating func checkCount(
    _ count: Int, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    if let minimum = limits.minItems, count < minimum {
      report(
        "\(subject) must have at least \(Self.plural(minimum, "item")), not \(count)", at: location)
    }
    if let maximum = limits.maxItems, count > maximum {
      report(
        "\(subject) must have at most \(Self.plural(maximum, "item")), not \(count)", at: location)
    }
  }

  private mutating func checkPropertyCount(
    _ count: Int, limits: SchemaNode.Limits, at location: SourceLocation
  ) {
    if let minimum = limits.minProperties, count < minimum {
      report(
        "\(subject) must have at least \(Self.plural(minimum, "field")), not \(count)", at: location
      )
    }
    if let maximum = limits.maxProperties, count > maximum {
      report(
        "\(subject) must have at most \(Self.plural(maximum, "field")), not \(count)", at: location)
    }
  }

  /// `uniqueItems`, and the API server's checks of custom resources' `set` and `map`
  /// lists: the second of two equal items is reported, where it was written.
  private mutating func checkUnique(
    _ items: [Node], schema: SchemaNode, at location: SourceLocation
  ) {
    for (offset, item) in items.enumerated() where offset > 0 {
      let itemLocation = item.location.isKnown ? item.location : location
      if let keys = schema.listMapKeys {
        let values = keys.map { item[$0] }
        let earlier = items[..<offset].firstIndex { other in
          zip(keys, values).allSatisfy { key, value in other[key] == value }
        }
        if let earlier {
          let description = zip(keys, values).map { key, value in
            "\(key) \(value.map { quoted($0.scalar?.canonicalText ?? $0.typeDescription) } ?? "unset")"
          }.joined(separator: ", ")
          report(
            "\(subject) has two items with \(description) ([\(earlier)] and [\(offset)])",
            at: itemLocation, path: path + [.index(offset)])
        }
      } else if let earlier = items[..<offset].firstIndex(of: item) {
        report(
          "\(subject) must not repeat an item: [\(offset)] equals [\(earlier)]", at: itemLocation,
          path: path + [.index(offset)])
      }
    }
  }

  // MARK: anyOf, oneOf, not

  private mutating func validateAlternatives(
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
  private func accepts(_ value: Node, _ index: Int, _ location: SourceLocation) -> Bool {
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

  // MARK: Findings

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

  private mutating func reportUnknownField(
    _ key: String, schema: SchemaNode, at location: SourceLocation
  ) {
    let suggestion = Suggestion.didYouMean(key, in: schema.properties.keys)
    report(
      "unknown field '\(key)' in \(context(of: schema))\(suggestion)", at: location,
      path: path + [.key(key)])
  }

  private mutating func reportEnum(_ value: Node, schema: SchemaNode, at location: SourceLocation) {
    let allowed = (schema.enumValues ?? []).map(\.canonicalText).joined(separator: ", ")
    let written = value.scalar.map { "'\($0.canonicalText)'" } ?? subject
    report("\(written) is not one of \(allowed)", at: location)
  }

  private mutating func reportFormat(
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

  private mutating func report(
    _ message: String, at location: SourceLocation, path: [PathComponent]? = nil,
    help: String? = nil
  ) {
    diagnostics.append(
      Diagnostic(
        .error, rule: "schema", message, at: location,
        related: [.rendered(renderedPath, field: path ?? self.path)], help: help))
  }

  // MARK: Wording

  /// The field being checked, quoted: `'replicas'`, `'containers[0]'`; the kind at the root.
  private var subject: String {
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
  private func context(of schema: SchemaNode) -> String {
    schema.title ?? subject
  }

  private func describe(_ value: Node) -> String {
    redactsValues ? value.typeDescription : value.valueDescription
  }

  /// A value in double quotes, shortened: messages stay one line.
  private func quoted(_ text: String) -> String {
    redactsValues ? "(value hidden)" : JSONString.quotedShort(text)
  }

  private static func format(_ number: Double) -> String {
    number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  private static func plural(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
  }
}
