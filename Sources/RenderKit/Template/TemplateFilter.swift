/// The filters an expression can apply with `|`.
///
/// Each filter states its parameters (for the arity check and messages) and applies
/// itself to a value. Results are computed values, located at the expression, except
/// where a filter passes a value through (`required`, `default`, the values inside
/// `envList`), which keeps the location of the input that set it.
enum TemplateFilter: String, CaseIterable, Sendable {
  case lower
  case upper
  case join
  case envList
  case toJson
  case b64enc
  case sha256
  case trunc
  case replace
  case required
  case `default`
  case trimPrefix
  case trimSuffix
  case string
  case length

  /// What a filter needs to know about the expression it is applied in.
  struct Context {
    /// The expression left of the `|`, for messages.
    var input: TemplateExpression
    /// Where computed values are located.
    var location: SourceLocation
    /// The paths of locations, for messages that point at one.
    var fileNames: SourceFileNames
  }

  static let allNames = allCases.map(\.rawValue).sorted()

  var parameters: [String] {
    switch self {
    case .join: ["separator"]
    case .trunc: ["length"]
    case .replace: ["old", "new"]
    case .required: ["message"]
    case .default: ["value"]
    case .trimPrefix: ["prefix"]
    case .trimSuffix: ["suffix"]
    case .lower, .upper, .envList, .toJson, .b64enc, .sha256, .string, .length: []
    }
  }

  /// How the filter is called: `replace(old, new)`.
  var signature: String {
    parameters.isEmpty ? rawValue : "\(rawValue)(\(parameters.joined(separator: ", ")))"
  }

  func arityError(given: Int) -> TemplateError {
    let expected =
      switch parameters.count {
      case 0: "no arguments"
      case 1: "1 argument"
      default: "\(parameters.count) arguments"
      }
    return TemplateError(
      "'\(rawValue)' takes \(expected), not \(given)", help: "write '| \(signature)'")
  }

  func apply(
    to input: TemplateValue, arguments: [TemplateValue], context: Context
  ) throws(TemplateError) -> TemplateValue {
    // The two filters made for missing values see undefined; all others report it.
    switch self {
    case .required:
      let message = try stringArgument(arguments, 0)
      if input.present != nil { return input }
      let state = if case .undefined = input { "not defined" } else { "null" }
      throw TemplateError(message, help: "'\(context.input)' is \(state)")
    case .default:
      if input.present != nil { return input }
      return .defined(try arguments[0].required())
    default:
      break
    }

    let value = try input.required()
    let location = context.location
    switch self {
    case .lower:
      return .defined(.string(try string(value, context).lowercased(), at: location))
    case .upper:
      return .defined(.string(try string(value, context).uppercased(), at: location))
    case .join:
      let separator = try stringArgument(arguments, 0)
      guard let items = value.sequence else { throw typeError(value, "a list", context) }
      var parts: [String] = []
      for item in items {
        guard let scalar = item.scalar, scalar != .null else {
          throw TemplateError(
            "'join' needs a list of strings, numbers or booleans; '\(context.input)' holds "
              + "\(item.valueDescription)")
        }
        parts.append(scalar.canonicalText)
      }
      return .defined(.string(parts.joined(separator: separator), at: location))
    case .envList:
      return .defined(try envList(value, context))
    case .toJson:
      // A checksum of "null" would look like a real one and never change: say so instead.
      if value.isNull {
        throw TemplateError(
          "'\(context.input)' is null, and '\(rawValue)' of null is the text \"null\"",
          help: "give a default ('(\(context.input) ?? {}) | toJson') or make it required "
            + "('\(context.input) | required(\"…\") | toJson')")
      }
      return .defined(.string(try CompactJSON.text(of: value), at: location))
    case .b64enc:
      return .defined(.string(Base64.encode(Array(try string(value, context).utf8)), at: location))
    case .sha256:
      return .defined(.string(SHA256.hexDigest(of: try string(value, context)), at: location))
    case .trunc:
      let text = try string(value, context)
      guard case .int(let count)? = try arguments[0].required().scalar, count >= 0 else {
        throw TemplateError(
          "'trunc' needs a length that is a non-negative integer, not "
            + (try arguments[0].required()).valueDescription)
      }
      return .defined(.string(String(text.prefix(count)), at: location))
    case .replace:
      let text = try string(value, context)
      let old = try stringArgument(arguments, 0)
      let new = try stringArgument(arguments, 1)
      guard !old.isEmpty else { throw TemplateError("'replace' needs a non-empty string to find") }
      let limit = ParseLimits.default.maxBytes
      guard let replaced = ByteReplacement.replacing(old, with: new, in: text, limit: limit) else {
        throw TemplateError(
          "'replace' would make a string longer than \(limit / 1_048_576) MB",
          help: "replace fewer occurrences, or with a shorter string")
      }
      return .defined(.string(replaced, at: location))
    case .trimPrefix:
      let text = try string(value, context)
      let prefix = try stringArgument(arguments, 0)
      let trimmed = ByteReplacement.trimmingPrefix(prefix, from: text)
      return .defined(.string(trimmed, at: location))
    case .trimSuffix:
      let text = try string(value, context)
      let suffix = try stringArgument(arguments, 0)
      let trimmed = ByteReplacement.trimmingSuffix(suffix, from: text)
      return .defined(.string(trimmed, at: location))
    case .string:
      let text = try ExpressionEvaluator.interpolationText(.defined(value), of: context.input)
      return .defined(.string(text, at: location))
    case .length:
      let count: Int
      switch value.content {
      case .scalar(.string(let text), _): count = text.count
      case .sequence(let items): count = items.count
      case .mapping(let entries): count = entries.count
      case .scalar: throw typeError(value, "a string, a list or a mapping", context)
      }
      return .defined(.scalar(.int(count), at: location))
    case .required, .default:
      return input
    }
  }

  /// `{A: x, B: {valueFrom: …}}` to `[{name: A, value: "x"}, {name: B, valueFrom: …}]`,
  /// in the mapping's order, as a container's `env` wants it. Null values are left out, as a null
  /// substitution removes an entry.
  private func envList(_ value: Node, _ context: Context) throws(TemplateError) -> Node {
    guard let entries = value.mapping else { throw typeError(value, "a mapping", context) }
    var items: [Node] = []
    for entry in entries {
      let name = Node.Entry(
        key: "name", keyLocation: entry.keyLocation,
        value: .string(entry.key, at: entry.keyLocation))
      var fields = [name]
      switch entry.value.content {
      case .scalar(.null, _):
        continue
      case .scalar(let scalar, _):
        let text =
          entry.value.string != nil
          ? entry.value : .string(scalar.canonicalText, at: entry.value.location)
        fields.append(Node.Entry(key: "value", keyLocation: entry.keyLocation, value: text))
      case .mapping(let spread):
        if let clash = spread.first(where: { $0.key == "name" }) {
          throw TemplateError(
            "'envList' cannot spread '\(context.input).\(entry.key)': it sets 'name', which "
              + "envList sets to '\(entry.key)'",
            help: "remove 'name' from it (\(context.fileNames.describe(clash.keyLocation)))")
        }
        fields += spread
      case .sequence:
        throw TemplateError(
          "'envList' needs string values or mappings (like {valueFrom: …}); "
            + "'\(context.input).\(entry.key)' is a list")
      }
      items.append(.mapping(fields, at: context.location))
    }
    // In the order the layers gave (first definition order; a later layer overrides in
    // place and appends new names), so `$(VAR)` can refer to a variable defined earlier.
    return .sequence(items, at: context.location)
  }

  private func string(_ value: Node, _ context: Context) throws(TemplateError) -> String {
    if let text = value.string { return text }
    throw typeError(value, "a string", context)
  }

  private func stringArgument(
    _ arguments: [TemplateValue], _ index: Int
  ) throws(TemplateError) -> String {
    let value = try arguments[index].required()
    guard let text = value.string else {
      throw TemplateError(
        "the \(parameters[index]) of '\(rawValue)' must be a string, not "
          + value.valueDescription,
        help: "write '| \(signature)'")
    }
    return text
  }

  private func typeError(_ value: Node, _ expected: String, _ context: Context) -> TemplateError {
    TemplateError(
      "'\(rawValue)' needs \(expected), not \(value.valueDescription) "
        + "('\(context.input)')",
      help: value.isScalar && !value.isNull && expected == "a string"
        ? "convert it first: '\(context.input) | string | \(rawValue)'" : nil)
  }
}
