/// One manifest template file: its documents, and the condition under which it renders.
public struct TemplateFile: Sendable {
  public var path: String
  public var documents: [Node]
  /// `files.<name>.when` from template.yaml; `nil` renders always.
  public var condition: TemplateCondition?
  /// The documents' `${ }` texts, parsed once here rather than at every render.
  public let scalarTemplates: ScalarTemplates

  public init(path: String, documents: [Node], condition: TemplateCondition?) {
    self.path = path
    self.documents = documents
    self.condition = condition
    self.scalarTemplates = ScalarTemplates(documents)
  }
}
