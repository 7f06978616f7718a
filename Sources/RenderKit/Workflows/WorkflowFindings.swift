/// Findings a workflow stopped on, with the repository whose files they point into (the
/// report quotes their source lines).
public struct WorkflowFindings: Sendable {
  public var diagnostics: [Diagnostic]
  public var repository: Repository

  public init(_ diagnostics: [Diagnostic], in repository: Repository) {
    self.diagnostics = diagnostics
    self.repository = repository
  }
}
