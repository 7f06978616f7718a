/// Mappings: keys rendered as strings, duplicates found after rendering, `$`-directives
/// dispatched (see `+Directives`).
extension TemplateDocumentRenderer {
  /// The rendered mapping; `nil` when its `$if` is false, which removes it like a null.
  mutating func renderMapping(_ entries: [Node.Entry], at location: SourceLocation) -> Node? {
    // Fast path: no key starts an expression or a directive, so keys stay as they are,
    // unique (the parser checked), and nothing overrides anything.
    // Index loops: closures and generic iterators are slow in debug builds (`swift run`).
    var index = 0
    while index < entries.count && !entries[index].key.containsByte(0x24 /* $ */) { index += 1 }
    guard index < entries.count else {
      var output: [Node.Entry] = []
      output.reserveCapacity(entries.count)
      index = 0
      while index < entries.count {
        let entry = entries[index]
        index += 1
        if let value = render(entry.value, at: .key(entry.key)) {
          output.append(Node.Entry(key: entry.key, keyLocation: entry.keyLocation, value: value))
        }
      }
      return Node(.mapping(output), at: location)
    }

    // `$if` decides first: nothing else in a dropped block is evaluated, so it may read
    // values that exist only when the condition holds.
    if let condition = entries.first(where: { $0.key == "$if" }) {
      guard let keep = evaluateCondition(condition), keep else { return nil }
    }

    var builder = MappingBuilder()
    // Keys the template itself wrote (literal or interpolated), to find duplicates that
    // only appear once keys are rendered. Keys spread by `$merge` may override.
    var written: [MappingKey: SourceLocation] = [:]
    for entry in entries {
      let key: String
      switch entry.key {
      case "$merge":
        spread(entry, into: &builder)
        continue
      case "$if":
        continue
      case "$$if":
        key = "$if"
      case "$append":
        report(
          TemplateError(
            "'$append' only works as the single key of a list item ('- $append: ${ list }')",
            help: "write '$$append' for a literal '$append' key"),
          at: entry.keyLocation)
        continue
      case "$$merge":
        key = "$merge"
      case "$$append":
        key = "$append"
      default:
        guard let rendered = renderKey(entry) else {
          renderForErrors(entry.value, at: entry.key)
          continue
        }
        key = rendered
      }
      if let first = written[MappingKey(key)] {
        diagnostics.append(
          .input(
            "duplicate key '\(key)' after rendering",
            at: entry.keyLocation, related: [.init("the first key that renders to it", at: first)]))
        renderForErrors(entry.value, at: key)
        continue
      }
      written[MappingKey(key)] = entry.keyLocation
      trace.replacing(key, in: builder)
      if let value = render(entry.value, at: .key(key)) {
        builder.set(Node.Entry(key: key, keyLocation: entry.keyLocation, value: value))
      }
    }
    return Node(.mapping(builder.entries), at: location)
  }

  /// A key with `${ }` is interpolated: keys are always strings.
  mutating func renderKey(_ entry: Node.Entry) -> String? {
    let key = entry.key
    guard key.containsByte(0x24 /* $ */) else { return key }
    // Entries do not record how a key was quoted; treat it as plain.
    let position = ScalarPosition(start: entry.keyLocation, style: .plain, text: key)
    switch templates.template(for: key) {
    case .failure(let unterminated):
      report(unterminated.error, at: position.location(ofOffset: unterminated.offset))
      return nil
    case .success(let template):
      if template.expressionCount == 0 { return template.literalText }
      return interpolate(template, position: position)?.text
    }
  }

  /// Renders a value that will not be used (its key is in error), so its own errors are
  /// still reported in this run.
  mutating func renderForErrors(_ node: Node, at key: String) {
    _ = render(node, at: .key(key))
  }
}
