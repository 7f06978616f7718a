/// JSON string literals (RFC 8259 section 7), for everything render writes as JSON: the
/// `toJson` template filter and the JSON and SARIF reports.
public enum JSONString {
  private static let hexDigits = Array("0123456789abcdef")
  private static let htmlEscaped: Set<Unicode.Scalar> = ["<", ">", "&", "\u{2028}", "\u{2029}"]

  /// `string` quoted: quote, backslash and the control characters U+0000 to U+001F are
  /// escaped; everything else, non-ASCII included, is written as UTF-8.
  /// - Parameter escapingHTML: also escape `<`, `>`, `&`, U+2028 and U+2029 as `\u…`, as
  ///   Go's `json.Marshal` does (what kustomize hashes).
  public static func quoted(_ string: String, escapingHTML: Bool = false) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      // `where` would bind to the last pattern only: hence the set.
      case _ where escapingHTML && htmlEscaped.contains(scalar):
        output += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) {
          output.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0xF)])
        }
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

  /// `string` quoted for a one-line message: cut after `limit` characters, with `…`.
  public static func quotedShort(_ string: String, limit: Int = 40) -> String {
    string.count > limit ? quoted(String(string.prefix(limit)) + "…") : quoted(string)
  }
}
