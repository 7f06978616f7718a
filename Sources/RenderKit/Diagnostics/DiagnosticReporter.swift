/// Formats findings for one output format (text, json, github, sarif).
public protocol DiagnosticReporter: Sendable {
  /// The whole report for `diagnostics`; `source` gives the text of input files, for
  /// reporters that quote lines.
  func report(_ diagnostics: [Diagnostic], source: (String) -> SourceFile?) -> String
}
