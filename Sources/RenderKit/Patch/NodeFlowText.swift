extension Node {
  /// The node on one line in YAML flow style, for messages: `3`, `"on"`,
  /// `{name: app, ports: [8080]}`. Long values are cut at `limit` characters so a
  /// failed `test` against a whole pod spec stays readable.
  func flowText(limit: Int = 120) -> String {
    var text = ""
    appendFlowText(to: &text, limit: limit)
    return text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
  }

  private func appendFlowText(to text: inout String, limit: Int) {
    // Stop descending once the text is past the limit; it is cut afterwards anyway.
    guard text.count <= limit else { return }
    switch content {
    case .scalar(let value, _):
      text += YAMLEmitter.inlineScalar(value)
    case .sequence(let items):
      text += "["
      for (index, item) in items.enumerated() {
        if index > 0 { text += ", " }
        item.appendFlowText(to: &text, limit: limit)
      }
      text += "]"
    case .mapping(let entries):
      text += "{"
      for (index, entry) in entries.enumerated() {
        if index > 0 { text += ", " }
        text += YAMLEmitter.key(entry.key) + ": "
        entry.value.appendFlowText(to: &text, limit: limit)
      }
      text += "}"
    }
  }
}
