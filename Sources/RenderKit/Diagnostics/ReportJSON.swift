/// A JSON value for machine-readable reports, written by hand so the output is the same
/// on every platform: objects keep their keys in the order they were built (`version`
/// first, `findings` last) instead of Foundation's hash or sorted order, and the text is
/// pretty-printed with two spaces and ends in a newline.
enum ReportJSON: Sendable {
  case string(String)
  case int(Int)
  case null
  case array([ReportJSON])
  /// Members in output order; keys are expected to be unique.
  case object([(String, ReportJSON)])

  /// The document as text, ending in a newline.
  var text: String {
    var output = ""
    write(to: &output, indent: "")
    output += "\n"
    return output
  }

  private func write(to output: inout String, indent: String) {
    switch self {
    case .string(let string):
      output += Self.quoted(string)
    case .int(let number):
      output += String(number)
    case .null:
      output += "null"
    case .array(let elements):
      guard !elements.isEmpty else {
        output += "[]"
        return
      }
      let inner = indent + "  "
      output += "[\n"
      for (index, element) in elements.enumerated() {
        output += inner
        element.write(to: &output, indent: inner)
        output += index == elements.count - 1 ? "\n" : ",\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      let inner = indent + "  "
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += inner + Self.quoted(key) + ": "
        value.write(to: &output, indent: inner)
        output += index == members.count - 1 ? "\n" : ",\n"
      }
      output += indent + "}"
    }
  }

  private static let hexDigits = Array("0123456789abcdef")

  /// A JSON string literal (RFC 8259 section 7): quote, backslash and the control
  /// characters U+0000 to U+001F are escaped; everything else, non-ASCII included, is
  /// written as UTF-8.
  static func quoted(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case _ where scalar.value < 0x20:
        let value = Int(scalar.value)
        output += "\\u00" + String(hexDigits[value / 16]) + String(hexDigits[value % 16])
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}
