import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the `render` executable built beside the test bundle, as a user would.
struct RenderBinary {
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// The products folder that holds both the test bundle and `render`.
  static var url: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On macOS the runner is inside an .xctest bundle.
    while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS"
      || folder.lastPathComponent == "Contents"
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("render")
  }

  /// Runs `render` to completion. Output goes through files rather than pipes, so a run
  /// that prints a lot on both streams cannot block on a full pipe.
  static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Result {
    try start(arguments, in: directory, environment: environment).finish()
  }

  /// Starts `render` without waiting for it (to kill it, or to race it against a lock).
  static func start(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
  ) throws -> Running {
    try Running(executable: url, arguments: arguments, in: directory, environment: environment)
  }

  /// A started process whose stdout and stderr are captured in temporary files.
  final class Running {
    let process = Process()
    private let outputFolder: String

    init(
      executable: URL, arguments: [String], in directory: URL?, environment: [String: String]
    ) throws {
      outputFolder = try TemporaryFolder.make(prefix: "render-e2e-output")
      process.executableURL = executable
      process.arguments = arguments
      if let directory { process.currentDirectoryURL = directory }
      var merged = ProcessInfo.processInfo.environment
      merged["NO_COLOR"] = "1"
      for (key, value) in environment { merged[key] = value }
      process.environment = merged
      let out = outputFolder + "/stdout"
      let err = outputFolder + "/stderr"
      for path in [out, err] where !FileManager.default.createFile(atPath: path, contents: nil) {
        throw TestFailure("cannot create \(path)")
      }
      process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
      process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
      try process.run()
    }

    deinit {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      try? FileManager.default.removeItem(atPath: outputFolder)
    }

    var isRunning: Bool { process.isRunning }

    /// What the process has written to stderr so far.
    var stderrSoFar: String {
      let data = FileManager.default.contents(atPath: outputFolder + "/stderr") ?? Data()
      return String(decoding: data, as: UTF8.self)
    }

    /// Sends SIGKILL: the process gets no chance to clean up, as after a power cut.
    func killHard() {
      kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the process to end and returns what it printed. A process ended by a
    /// signal reports 128 + the signal number, as a shell does.
    func finish() throws -> Result {
      process.waitUntilExit()
      let out = try Data(contentsOf: URL(fileURLWithPath: outputFolder + "/stdout"))
      let err = try Data(contentsOf: URL(fileURLWithPath: outputFolder + "/stderr"))
      let status =
        process.terminationReason == .uncaughtSignal
        ? 128 + process.terminationStatus : process.terminationStatus
      return Result(
        status: status, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: err, as: UTF8.self))
    }
  }
}

extension RenderBinary.Result {
  /// The first line of every finding on stderr, `path:line:col: severity[rule]: message`,
  /// in the order printed. Excerpts, carets, notes and help lines are left out.
  var findings: [String] {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
      $0.contains(Self.findingPattern)
    }
  }

  /// The findings whose severity is `error`.
  var errors: [String] { findings.filter { $0.contains(": error[") } }

  /// The findings whose severity is `warning`.
  var warnings: [String] { findings.filter { $0.contains(": warning[") } }

  private static var findingPattern: Regex<Substring> {
    #/^[^ ]+:[0-9]+:[0-9]+: (?:error|warning|note)\[[a-z0-9-]+\]: /#
  }

  /// Everything the run printed, for failure messages.
  var transcript: String {
    "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---"
  }
}
