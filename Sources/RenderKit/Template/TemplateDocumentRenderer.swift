/// Walks one template document, evaluating its expressions, and collects every error.
///
/// One instance renders one document: it holds the diagnostics and the trace being
/// built, so the public `TemplateRenderer` stays a stateless value that many threads can
/// share. The walk is split by what it renders: scalars (`+Scalars`), mappings
/// (`+Mappings`), lists (`+Sequences`) and the `$if`, `$merge` and `$append` directives
/// (`+Directives`). `Trace` is told where each node came from; a build passes
/// `UntracedTemplate`, which does nothing.
struct TemplateDocumentRenderer<Trace: TemplateTrace> {
  let scope: TemplateScope
  /// The document's scalars with `${`, parsed when its file was loaded.
  let templates: ScalarTemplates
  var diagnostics: [Diagnostic] = []
  var trace: Trace
  /// Every substituted value, charged at each use (see `ExpansionBudget`).
  var budget = ExpansionBudget()
  var reportedBudget = false

  init(scope: TemplateScope, templates: ScalarTemplates, trace: Trace) {
    self.scope = scope
    self.templates = templates
    self.trace = trace
  }

  /// The rendered document; `nil` when it is null (empty, or an expression gave null).
  mutating func renderDocument(_ document: Node) -> Node? {
    trace.begin(document: document.location)
    guard let node = render(document), !node.isNull else { return nil }
    return node
  }

  /// The rendered node; `nil` when it is removed: a plain `${ }` that gave null.
  mutating func render(_ node: Node) -> Node? {
    switch node.content {
    case .scalar(.string(let text), let style):
      // Most scalars have no `$` at all: return them untouched, without scanning further.
      guard text.containsByte(0x24 /* $ */) else { return node }
      switch templates.template(for: text) {
      case .success(let template):
        return renderString(node, text: text, style: style, template: template)
      case .failure(let unterminated):
        let position = scalarPosition(node, style: style, text: text)
        report(unterminated.error, at: position.location(ofOffset: unterminated.offset))
        return node
      }
    case .scalar:
      return node
    case .sequence(let items):
      return renderSequence(items, at: node.location)
    case .mapping(let entries):
      return renderMapping(entries, at: node.location)
    }
  }

  /// Renders `node` as the value at `component` of the current path.
  mutating func render(_ node: Node, at component: PathComponent) -> Node? {
    trace.enter(component)
    defer { trace.leave() }
    return render(node)
  }

  func scalarPosition(_ node: Node, style: ScalarStyle, text: String) -> ScalarPosition {
    ScalarPosition(
      start: node.location, style: style, text: text,
      blockIndentation: style == .literal ? templates.indentation(ofBlockAt: node.location) : nil)
  }

  mutating func report(_ error: TemplateError, at location: SourceLocation) {
    diagnostics.append(error.diagnostic(at: location))
  }
}
