/// Compact JSON text of a node: no spaces, numbers in their canonical form, so the same
/// value always gives the same bytes. Two styles: `toJson`'s (keys in node order) and Go's
/// `json.Marshal` of a `map[string]interface{}` (keys sorted by their bytes, `<`, `>`, `&`,
/// U+2028 and U+2029 escaped), which kustomize hashes generated names from.
enum CompactJSON {
  /// For the `toJson` filter (and the `sha256` of it in checksum annotations).
  static func text(of node: Node) throws(TemplateError) -> String {
    var output = ""
    var nonFinite: Scalar?
    write(node, goStyle: false, to: &output, nonFinite: &nonFinite)
    if let nonFinite {
      throw TemplateError(
        "'toJson' cannot write \(nonFinite.canonicalText): JSON has no such number")
    }
    return output
  }

  /// As Go's `json.Marshal` writes the value (a non-finite number, which Go refuses,
  /// is written in its canonical form: the text is only hashed).
  static func goText(of node: Node) -> String {
    var output = ""
    var nonFinite: Scalar?
    write(node, goStyle: true, to: &output, nonFinite: &nonFinite)
    return output
  }

  private static func write(
    _ node: Node, goStyle: Bool, to output: inout String, nonFinite: inout Scalar?
  ) {
    switch node.content {
    case .scalar(.string(let text), _):
      // Most strings need no escape: appended whole, not character by character (a
      // `toJson` of a 20 MB value took a second that way).
      if !goStyle,
        text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
      {
        output += "\""
        output += text
        output += "\""
      } else {
        output += JSONString.quoted(text, escapingHTML: goStyle)
      }
    case .scalar(.float(let value), _) where !value.isFinite:
      if nonFinite == nil { nonFinite = .float(value) }
      output += Scalar.float(value).canonicalText
    case .scalar(let scalar, _):
      output += scalar.canonicalText
    case .sequence(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        write(item, goStyle: goStyle, to: &output, nonFinite: &nonFinite)
      }
      output += "]"
    case .mapping(let entries):
      output += "{"
      let ordered =
        goStyle ? entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) } : entries
      for (index, entry) in ordered.enumerated() {
        if index > 0 { output += "," }
        output += JSONString.quoted(entry.key, escapingHTML: goStyle)
        output += ":"
        write(entry.value, goStyle: goStyle, to: &output, nonFinite: &nonFinite)
      }
      output += "}"
    }
  }
}
