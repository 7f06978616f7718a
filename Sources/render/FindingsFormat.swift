import ArgumentParser
import RenderKit

/// `--format` for findings: compiler-style text on stderr, or a machine-readable
/// document on stdout for CI (JSON, GitHub workflow commands, SARIF for code scanning).
enum FindingsFormat: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case github
  case sarif

  /// Prints all findings of a run at once (a JSON or SARIF document must be whole); they
  /// are about `repository`'s files.
  func emit(_ findings: [Diagnostic], repository: Repository) {
    let fileNames = repository.fileNames
    let sorted = findings.sortedForOutput(in: fileNames)
    let source: (String) -> SourceFile? = { repository.files[$0] }
    switch self {
    case .text:
      Console.report(sorted, repository: repository)
    case .json:
      Console.out(JSONReporter().report(sorted, fileNames: fileNames, source: source))
    case .github:
      Console.out(GitHubReporter().report(sorted, fileNames: fileNames, source: source))
    case .sarif:
      Console.out(SARIFReporter().report(sorted, fileNames: fileNames, source: source))
    }
  }
}
