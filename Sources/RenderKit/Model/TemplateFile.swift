/// One manifest template file: its documents, and the condition under which it renders.
public struct TemplateFile: Sendable {
  public var path: String
  public var documents: [Node]
  /// `files.<name>.when` from template.yaml; `nil` renders always.
  public var condition: TemplateCondition?
  /// The documents' `${ }` texts, parsed once here rather than at every render.
  public let scalarTemplates: ScalarTemplates

  /// `source` is the file's text; with it, errors inside literal block scalars point at
  /// their own line.
  public init(
    path: String, documents: [Node], condition: TemplateCondition?, source: String? = nil
  ) {
    self.path = path
    self.documents = documents
    self.condition = condition
    if let source {
      self.scalarTemplates = ScalarTemplates(documents, source: source)
    } else {
      self.scalarTemplates = ScalarTemplates(documents)
    }
  }
}
