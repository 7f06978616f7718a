/// One finding: an error or warning with the input location that caused it.
///
/// Findings are collected, never thrown one at a time, so a user sees every problem of a
/// run at once. `rule` is the id users filter and configure by: `input` for problems in
/// input files, `output` for problems with the `rendered/` tree, `schema` for
/// Kubernetes schema findings, and the policy rule ids.
public struct Diagnostic: Hashable, Sendable {
  public enum Severity: String, Hashable, Sendable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
      switch self {
      case .error: 0
      case .warning: 1
      case .note: 2
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// A second place involved in the finding: the rendered file and field a value ended
  /// up in, the first definition of a duplicate, a layer that set a value.
  public struct Related: Hashable, Sendable {
    public var location: SourceLocation?
    public var message: String

    public init(_ message: String, at location: SourceLocation? = nil) {
      self.message = message
      self.location = location
    }
  }

  public var severity: Severity
  public var rule: RuleID
  public var message: String
  public var location: SourceLocation
  public var related: [Related]
  /// What to do about it, when there is something specific to say.
  public var help: String?

  public init(
    _ severity: Severity, rule: RuleID, _ message: String, at location: SourceLocation,
    related: [Related] = [], help: String? = nil
  ) {
    self.severity = severity
    self.rule = rule
    self.message = message
    self.location = location
    self.related = related
    self.help = help
  }

  /// An error in an input file (rule `input`).
  public static func input(
    _ message: String, at location: SourceLocation, related: [Related] = [], help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, rule: .input, message, at: location, related: related, help: help)
  }

  public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.isError } }

  /// Findings in a stable order: input errors (root causes) first, then by file, line,
  /// column and message, so output is the same whatever order parallel stages finished in.
  /// - Parameter fileNames: the table the locations' paths are numbered in.
  public func sortedForOutput(in fileNames: SourceFileNames) -> [Diagnostic] {
    sorted {
      // Input errors are root causes: what a later stage finds may follow from them.
      if ($0.rule == .input) != ($1.rule == .input) { return $0.rule == .input }
      if $0.location != $1.location { return $0.location.precedes($1.location, in: fileNames) }
      if $0.severity != $1.severity { return $0.severity < $1.severity }
      return ($0.rule, $0.message) < ($1.rule, $1.message)
    }
  }
}

/// A single finding can be the failure of a `Result` (a condition that does not parse).
extension Diagnostic: Error {}
