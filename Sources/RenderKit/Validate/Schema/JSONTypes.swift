/// The JSON types a schema allows, as a bit set so a type check is one AND.
///
/// YAML nodes map onto them the way Kubernetes decodes them: an integer scalar is an
/// `integer` and also a valid `number`; a float scalar is a `number`, and an `integer`
/// too when it has no fractional part (`3.0`), as JSON Schema says and as kubectl
/// sends it (its YAML-to-JSON conversion writes `3`).
struct JSONTypes: OptionSet, Hashable, Sendable {
  let rawValue: UInt8

  init(rawValue: UInt8) { self.rawValue = rawValue }

  static let null = JSONTypes(rawValue: 1 << 0)
  static let boolean = JSONTypes(rawValue: 1 << 1)
  static let integer = JSONTypes(rawValue: 1 << 2)
  static let number = JSONTypes(rawValue: 1 << 3)
  static let string = JSONTypes(rawValue: 1 << 4)
  static let array = JSONTypes(rawValue: 1 << 5)
  static let object = JSONTypes(rawValue: 1 << 6)

  static let any: JSONTypes = [.null, .boolean, .integer, .number, .string, .array, .object]

  /// The type named by a JSON Schema `type` keyword; `nil` for an unknown name.
  init?(name: String) {
    switch name {
    case "null": self = .null
    case "boolean": self = .boolean
    case "integer": self = .integer
    case "number": self = .number
    case "string": self = .string
    case "array": self = .array
    case "object": self = .object
    default: return nil
    }
  }

  /// The types a node's value satisfies.
  init(of node: Node) {
    switch node.content {
    case .scalar(let scalar, _):
      switch scalar {
      case .null: self = .null
      case .bool: self = .boolean
      case .int: self = [.integer, .number]
      case .float(let value):
        self = value.rounded() == value && abs(value) < 0x1p63 ? [.integer, .number] : .number
      case .string: self = .string
      }
    case .sequence: self = .array
    case .mapping: self = .object
    }
  }

  /// "a string", "an integer or a string", "a mapping": the allowed types for messages.
  /// `null` is left out unless it is all there is; it is never what a user meant to write.
  var phrase: String {
    var names: [String] = []
    if contains(.object) { names.append("a mapping") }
    if contains(.array) { names.append("a list") }
    if contains(.integer) && !contains(.number) { names.append("an integer") }
    if contains(.number) { names.append("a number") }
    if contains(.string) { names.append("a string") }
    if contains(.boolean) { names.append("a boolean") }
    if names.isEmpty { return "null" }
    if names.count == 1 { return names[0] }
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }
}
