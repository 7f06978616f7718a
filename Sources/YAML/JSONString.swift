/// JSON string literals (RFC 8259 section 7), for everything render writes as JSON: the
/// `toJson` template filter and the JSON and SARIF reports.
public enum JSONString {
  private static let htmlEscaped: Set<Unicode.Scalar> = ["<", ">", "&", "\u{2028}", "\u{2029}"]

  /// `string` quoted: quote, backslash and the control characters U+0000 to U+001F are
  /// escaped; everything else, non-ASCII included, is written as UTF-8.
  /// - Parameter escapingHTML: also escape `<`, `>`, `&`, U+2028 and U+2029 as `\u…`, as
  ///   Go's `json.Marshal` does (what kustomize hashes).
  public static func quoted(_ string: String, escapingHTML: Bool = false) -> String {
    TextEscaping.escaped(string, quote: "\"") { scalar in
      if escapingHTML && htmlEscaped.contains(scalar) { return unicodeEscape(scalar) }
      if let escape = TextEscaping.backslashEscape(scalar) { return escape }
      switch scalar {
      case "\u{08}": return "\\b"
      case "\u{0C}": return "\\f"
      case _ where scalar.value < 0x20: return unicodeEscape(scalar)
      default: return nil
      }
    }
  }

  /// `\u` and four lower-case hex digits, as Go writes them.
  private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
    "\\u" + TextEscaping.hex(scalar.value, digits: 4, uppercase: false)
  }

  /// `string` quoted for a one-line message: cut after `limit` characters, with `…`.
  public static func quotedShort(_ string: String, limit: Int = 40) -> String {
    string.count > limit ? quoted(String(string.prefix(limit)) + "…") : quoted(string)
  }
}
