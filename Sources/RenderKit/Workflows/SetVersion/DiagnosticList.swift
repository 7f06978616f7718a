/// Findings carried as the failure of a `Result`: the whole list, never the first only.
public struct DiagnosticList: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}
