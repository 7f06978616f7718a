/// A typed scalar value, resolved with the YAML 1.2 core schema.
///
/// Numbers keep the text they were written with only through `Double`/`Int`
/// canonical forms: output is canonical, not a copy of the input spelling.
public enum Scalar: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)

  /// The name of the type, for messages: "a string", "an integer"...
  public var typeDescription: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .int: "an integer"
    case .float: "a number"
    case .string: "a string"
    }
  }

  /// The canonical text of the value, as the emitter writes it unquoted and as string
  /// interpolation shows it.
  public var canonicalText: String {
    switch self {
    case .null: "null"
    case .bool(let value): value ? "true" : "false"
    case .int(let value): String(value)
    case .float(let value): Scalar.canonicalText(of: value)
    case .string(let value): value
    }
  }

  static func canonicalText(of value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
    let text = value.description
    // A YAML 1.1 reader (PyYAML) takes a number for a float only with a dot: `1e+16`
    // would be a string to it, `1.0e+16` is the same float to every reader.
    if !text.contains("."), let exponent = text.firstIndex(of: "e") {
      return text[..<exponent] + ".0" + text[exponent...]
    }
    return text
  }

  /// Value equality as JSON sees it: `1` equals `1.0`.
  public func isSameValue(as other: Scalar) -> Bool {
    switch (self, other) {
    case (.int(let a), .float(let b)), (.float(let b), .int(let a)): Double(a) == b
    default: self == other
    }
  }
}
