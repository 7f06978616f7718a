/// Renders template documents: evaluates every `${ }` in their scalars and keys against
/// a scope, substituting values structurally, on the tree.
///
/// - A plain scalar that is exactly one `${ expr }` becomes the value, whatever its type;
///   null removes the map entry or list item holding it.
/// - Quoted and block scalars, keys, and scalars with more than one expression are string
///   interpolation. `$${` is a literal `${`.
/// - `$merge: ${ map }` in a mapping spreads a map's entries at that position (later
///   entries win); `- $append: ${ list }` in a list splices a list's items in.
///   `$$merge` and `$$append` are the literal keys.
///
/// Substituted values keep the location of the input that set them; values an expression
/// computes are located at the expression. Rendering is a pure function of the document
/// and the scope: a `TemplateRenderer` can render many documents concurrently.
public struct TemplateRenderer: Sendable {
  public let scope: TemplateScope
  /// The parsed `${ }` texts of the documents to render (`TemplateFile.scalarTemplates`);
  /// texts not in it are parsed as they are met.
  public let templates: ScalarTemplates

  public init(scope: TemplateScope, templates: ScalarTemplates = ScalarTemplates()) {
    self.scope = scope
    self.templates = templates
  }

  /// Renders one template document. `node == nil` when the whole document evaluated to
  /// null (or was empty): it is dropped. `diagnostics` holds every error of the document;
  /// when it has errors, `node` is incomplete and must not be used.
  public func render(_ document: Node) -> (node: Node?, diagnostics: [Diagnostic]) {
    var untraced = UntracedTemplate()
    return render(document, tracing: &untraced)
  }

  /// Renders like `render(_:)` and also records, for every output node that came from a
  /// `${ }` (and every node inside such a value), the location of that expression, keyed
  /// by the node's path in the output document. Existing entries for other paths are kept.
  public func render(
    _ document: Node, trace: inout [[PathComponent]: SourceLocation]
  ) -> (node: Node?, diagnostics: [Diagnostic]) {
    var expressions = ExpressionTrace()
    let result = render(document, tracing: &expressions)
    trace.merge(expressions.documents[document.location] ?? [:]) { _, new in new }
    return result
  }

  /// The one rendering path, telling `trace` where nodes came from as it goes.
  func render<Trace: TemplateTrace>(
    _ document: Node, tracing trace: inout Trace
  ) -> (node: Node?, diagnostics: [Diagnostic]) {
    var renderer = TemplateDocumentRenderer(scope: scope, templates: templates, trace: trace)
    let node = renderer.renderDocument(document)
    trace = renderer.trace
    return (node, renderer.diagnostics)
  }
}
