/// A problem with one expression: a syntax error, a type error, an undefined value.
///
/// It carries no location: an expression does not know where it was written, so the
/// renderer (or the condition) that evaluates it turns it into a `Diagnostic` at the
/// expression's `${`.
struct TemplateError: Error, Equatable, Sendable {
  var message: String
  var help: String?

  init(_ message: String, help: String? = nil) {
    self.message = message
    self.help = help
  }

  func diagnostic(at location: SourceLocation) -> Diagnostic {
    .input(message, at: location, help: help)
  }
}
