/// How seriously a policy rule is taken in one environment.
public enum RuleSeverity: String, Sendable, CaseIterable {
  case error
  case warning
  case off

  public var diagnosticSeverity: Diagnostic.Severity? {
    switch self {
    case .error: .error
    case .warning: .warning
    case .off: nil
    }
  }
}
