/// Why a workflow (set-version, promote, init, diff --base, build) stopped, in the form
/// the command line prints it.
public enum WorkflowError: Error, Sendable {
  /// A mistake in the command line (an unknown name, a bad argument): exit 64, the
  /// message after `render: error: `.
  case usage(String)
  /// Exit 1: each group of findings printed as one report, then `message` (whole lines,
  /// `render: ` included) on stderr.
  case failed(findings: [WorkflowFindings] = [], message: String)

  /// A failure that is one `render: ...` line.
  static func failed(_ line: String) -> WorkflowError {
    .failed(message: "render: \(line)\n")
  }

  /// Findings to fix, then `render: nothing written: fix the errors above.`
  static func nothingWritten(_ findings: [WorkflowFindings]) -> WorkflowError {
    .failed(findings: findings, message: "render: nothing written: fix the errors above.\n")
  }
}
