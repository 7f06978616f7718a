import Foundation

/// Runs git in a repository: the boundary where `render history`, `render diff --base`
/// and `--commit` meet git. Every call is one `git` process with a fixed environment
/// (no pager, no prompts, C locale), so output parses the same on every machine.
public struct GitRepository: Sendable {
  /// The folder git runs in.
  public let root: String

  public init(root: String) {
    self.root = root
  }

  public struct Failure: Error, CustomStringConvertible {
    public var arguments: [String]
    public var status: Int32
    public var output: String

    public var description: String {
      let message = output.trimmingCharacters(in: .whitespacesAndNewlines)
      return "git \(arguments.joined(separator: " ")) failed (exit \(status))"
        + (message.isEmpty ? "" : ": \(message)")
    }
  }

  /// Runs `git <arguments>` and returns its standard output; fails with git's standard
  /// error when it exits non-zero.
  @discardableResult
  public func run(_ arguments: [String], input: Data? = nil) throws(Failure) -> String {
    let result = runAllowingFailure(arguments, input: input)
    guard result.status == 0 else {
      throw Failure(arguments: arguments, status: result.status, output: result.stderr)
    }
    return result.stdout
  }

  /// Runs `git <arguments>` whatever its exit status.
  public func runAllowingFailure(
    _ arguments: [String], input: Data? = nil
  ) -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_PAGER"] = "cat"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let stdout = Pipe()
    let stderr = Pipe()
    let stdin = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = stdin
    do {
      try process.run()
    } catch {
      return (127, "", "cannot run git: \(error)")
    }
    if let input { stdin.fileHandleForWriting.write(input) }
    try? stdin.fileHandleForWriting.close()
    // Read both pipes concurrently so a large stderr cannot block a large stdout.
    let errorData = LockedData()
    let finished = DispatchSemaphore(value: 0)
    let errorHandle = stderr.fileHandleForReading
    DispatchQueue.global().async {
      errorData.set(errorHandle.readDataToEndOfFile())
      finished.signal()
    }
    let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    finished.wait()
    return (
      process.terminationStatus, String(decoding: outputData, as: UTF8.self),
      String(decoding: errorData.value, as: UTF8.self)
    )
  }

  /// Whether `root` is inside a git work tree.
  public var isRepository: Bool {
    runAllowingFailure(["rev-parse", "--is-inside-work-tree"]).status == 0
  }

  /// The absolute path of the work tree's top folder.
  public func topLevel() throws(Failure) -> String {
    try run(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .newlines)
  }
}

/// Data handed from the stderr reader thread.
private final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func set(_ value: Data) {
    lock.lock()
    data = value
    lock.unlock()
  }

  var value: Data {
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}
