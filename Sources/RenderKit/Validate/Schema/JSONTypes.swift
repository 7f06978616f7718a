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

  static let any = JSONTypes(rawValue: 0x7F)
  /// An integer scalar's types: integers are numbers too.
  static let integerOrNumber = JSONTypes(rawValue: integer.rawValue | number.rawValue)

  // The set operations on the bits themselves: `OptionSet`'s own are generic
  // `SetAlgebra` methods, unspecialised in debug builds (`swift run`), where schema
  // validation's type checks spent more time in them than in validating.

  init(arrayLiteral elements: JSONTypes...) {
    var bits: UInt8 = 0
    var index = 0
    while index < elements.count {
      bits |= elements[index].rawValue
      index += 1
    }
    rawValue = bits
  }

  init() { rawValue = 0 }

  var isEmpty: Bool { rawValue == 0 }

  func contains(_ member: JSONTypes) -> Bool { rawValue & member.rawValue == member.rawValue }

  func isDisjoint(with other: JSONTypes) -> Bool { rawValue & other.rawValue == 0 }

  func isSuperset(of other: JSONTypes) -> Bool { rawValue & other.rawValue == other.rawValue }

  func union(_ other: JSONTypes) -> JSONTypes { JSONTypes(rawValue: rawValue | other.rawValue) }

  func intersection(_ other: JSONTypes) -> JSONTypes {
    JSONTypes(rawValue: rawValue & other.rawValue)
  }

  @discardableResult
  mutating func insert(_ member: JSONTypes) -> (inserted: Bool, memberAfterInsert: JSONTypes) {
    let inserted = !contains(member)
    self = union(member)
    return (inserted, member)
  }

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
      case .int: self = .integerOrNumber
      case .float(let value):
        self = value.rounded() == value && abs(value) < 0x1p63 ? .integerOrNumber : .number
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
