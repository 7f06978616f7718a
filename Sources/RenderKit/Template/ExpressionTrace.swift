/// The trace `render explain` reads: for every output node that came from a `${ }` (and
/// every node inside such a value), the location of that expression, keyed by the
/// document it was rendered from and the node's path in the output document.
struct ExpressionTrace: TemplateTrace {
  /// Per document (by its location), expression locations by output path.
  private(set) var documents: [SourceLocation: [[PathComponent]: SourceLocation]] = [:]
  private var document = SourceLocation(fileID: SourceFileNames.empty, line: 1, column: 1)
  /// The output path of the node being rendered.
  private var path: [PathComponent] = []

  /// The expression that produced the node at `path` of the document at `document`.
  func expression(in document: SourceLocation, at path: [PathComponent]) -> SourceLocation? {
    documents[document]?[path]
  }

  mutating func begin(document location: SourceLocation) {
    document = location
    path = []
  }

  mutating func enter(_ component: PathComponent) {
    path.append(component)
  }

  mutating func leave() {
    path.removeLast()
  }

  mutating func record(_ value: Node, at location: SourceLocation) {
    documents[document, default: [:]][path] = location
    switch value.content {
    case .scalar:
      break
    case .sequence(let items):
      for (index, item) in items.enumerated() {
        path.append(.index(index))
        record(item, at: location)
        path.removeLast()
      }
    case .mapping(let entries):
      for entry in entries {
        path.append(.key(entry.key))
        record(entry.value, at: location)
        path.removeLast()
      }
    }
  }

  mutating func replacing(_ key: String, in builder: MappingBuilder) {
    guard builder.contains(key) else { return }
    let prefix = path + [.key(key)]
    documents[document] = documents[document]?.filter { !$0.key.starts(with: prefix) }
  }
}
