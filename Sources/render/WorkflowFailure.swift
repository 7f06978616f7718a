import ArgumentParser
import RenderKit

/// How the command line ends a workflow that failed: findings and message printed, then
/// exit 1; a usage mistake exits 64 through `ValidationError`.
enum WorkflowFailure {
  static func exit(_ error: WorkflowError) -> any Error {
    switch error {
    case .usage(let message):
      return ValidationError(message)
    case .failed(let findings, let message):
      for group in findings {
        Console.report(group.diagnostics, repository: group.repository)
      }
      Console.error(message)
      return ExitCode(1)
    }
  }

  /// Runs one workflow step, printing its failure.
  static func run<T>(_ step: () throws(WorkflowError) -> T) throws -> T {
    do {
      return try step()
    } catch {
      throw exit(error)
    }
  }

  /// Runs one asynchronous workflow step, printing its failure.
  static func run<T>(_ step: () async throws(WorkflowError) -> T) async throws -> T {
    do {
      return try await step()
    } catch {
      throw exit(error)
    }
  }
}
