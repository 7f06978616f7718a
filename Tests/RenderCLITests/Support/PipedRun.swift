import Foundation
import TestSupport

/// `render` started with its output on pipes, for a test that must wait until it has
/// printed something: reading the pipe blocks until render writes, so the wait ends on
/// the output itself, not after a guessed delay. For small outputs only (a full pipe
/// would block render).
final class PipedRun {
  let process = Process()
  private let output = Pipe()
  private let errors = Pipe()
  private var stderrSoFar = ""

  init(_ arguments: [String]) throws {
    process.executableURL = RenderBinary.url
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardOutput = output
    process.standardError = errors
    try process.run()
  }

  var isRunning: Bool { process.isRunning }

  /// Blocks until render's stderr contains `text`; false if it closed stderr (ended)
  /// without printing it.
  func waitForStderr(containing text: String) -> Bool {
    while !stderrSoFar.contains(text) {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { return false }
      stderrSoFar += String(decoding: data, as: UTF8.self)
    }
    return true
  }

  /// Waits for render to end and returns what it printed; a signal gives 128 + its
  /// number, as a shell does.
  func finish() -> RenderBinary.Result {
    let stderr =
      stderrSoFar
      + String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return RenderBinary.Result(status: status, stdout: stdout, stderr: stderr)
  }
}
