/// Formats findings for one output format (text, json, github, sarif).
public protocol DiagnosticReporter: Sendable {
  /// The whole report for `diagnostics`; `fileNames` holds the paths of their locations,
  /// `source` gives the text of input files, for reporters that quote lines.
  func report(
    _ diagnostics: [Diagnostic], fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String
}
