/// Lists: items rendered in order, removed items leaving no gap, `- $append: ${ list }`
/// spliced in.
extension TemplateDocumentRenderer {
  mutating func renderSequence(_ items: [Node], at location: SourceLocation) -> Node {
    var output: [Node] = []
    output.reserveCapacity(items.count)
    for item in items {
      // `- $append: ${ list }` splices the list's items in here.
      if case .mapping(let entries) = item.content, entries.count == 1, entries[0].key == "$append"
      {
        append(entries[0].value, to: &output)
        continue
      }
      if let rendered = render(item, at: .index(output.count)) { output.append(rendered) }
    }
    return Node(.sequence(output), at: location)
  }
}
