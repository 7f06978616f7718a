/// What render's string escapers share (JSON strings, double-quoted YAML, template string
/// literals, GitHub workflow commands, terminal text): the scalar-by-scalar loop and
/// the escapes they have in common. Each escaper keeps only its own table.
public enum TextEscaping {
  /// `text` between `quote`s, each Unicode scalar written as `replacement` gives it, or
  /// as itself where `replacement` returns `nil`.
  public static func escaped(
    _ text: String, quote: String = "", _ replacement: (Unicode.Scalar) -> String?
  ) -> String {
    var output = quote
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        output += replaced
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
    return output + quote
  }

  /// The backslash escapes JSON, YAML and template literals agree on: `\"`, `\\`, `\n`,
  /// `\t`, `\r`; `nil` for any other scalar.
  public static func backslashEscape(_ scalar: Unicode.Scalar) -> String? {
    switch scalar {
    case "\"": "\\\""
    case "\\": "\\\\"
    case "\n": "\\n"
    case "\t": "\\t"
    case "\r": "\\r"
    default: nil
    }
  }

  /// `value` in hexadecimal, zero-padded to at least `digits` digits.
  public static func hex(_ value: UInt32, digits: Int, uppercase: Bool = true) -> String {
    let text = String(value, radix: 16, uppercase: uppercase)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
