/// Compact JSON text of a node, for the `toJson` filter: no spaces, keys in node order,
/// numbers in their canonical form, so the same value always gives the same bytes (and
/// the same `sha256`, for checksum annotations).
enum CompactJSON {
  static func text(of node: Node) throws(TemplateError) -> String {
    var output = ""
    try write(node, to: &output)
    return output
  }

  private static func write(_ node: Node, to output: inout String) throws(TemplateError) {
    switch node.content {
    case .scalar(.string(let text), _):
      // Most strings need no escape: appended whole, not character by character (a
      // `toJson` of a 20 MB value took a second that way).
      if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
      ) {
        output += "\""
        output += text
        output += "\""
      } else {
        output += JSONString.quoted(text)
      }
    case .scalar(.float(let value), _) where !value.isFinite:
      throw TemplateError(
        "'toJson' cannot write \(Scalar.float(value).canonicalText): JSON has no such number")
    case .scalar(let scalar, _):
      output += scalar.canonicalText
    case .sequence(let items):
      output += "["
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        try write(item, to: &output)
      }
      output += "]"
    case .mapping(let entries):
      output += "{"
      for (index, entry) in entries.enumerated() {
        if index > 0 { output += "," }
        output += JSONString.quoted(entry.key)
        output += ":"
        try write(entry.value, to: &output)
      }
      output += "}"
    }
  }
}
