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
      let message = output.trimmingWhitespace
      return "git \(arguments.joined(separator: " ")) failed (exit \(status))"
        + (message.isEmpty ? "" : ": \(message)")
    }
  }

  /// Runs `git <arguments>` and returns its standard output; fails with git's standard
  /// error when it exits non-zero.
  @discardableResult
  public func run(_ arguments: [String]) throws(Failure) -> String {
    let result = runAllowingFailure(arguments)
    guard result.status == 0 else {
      throw Failure(arguments: arguments, status: result.status, output: result.stderr)
    }
    return result.stdout
  }

  /// Runs `git <arguments>` whatever its exit status.
  public func runAllowingFailure(
    _ arguments: [String]
  ) -> (
    status: Int32, stdout: String, stderr: String
  ) {
    do {
      let output = try ChildProcess.run(
        "git", arguments: ["-C", root] + arguments,
        environment: ["GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"])
      return (
        output.status, String(decoding: output.stdout, as: UTF8.self),
        String(decoding: output.stderr, as: UTF8.self)
      )
    } catch {
      return (127, "", error.description)
    }
  }

  /// Whether `root` is inside a git work tree.
  public var isRepository: Bool {
    runAllowingFailure(["rev-parse", "--is-inside-work-tree"]).status == 0
  }

  /// The absolute path of the work tree's top folder.
  public func topLevel() throws(Failure) -> String {
    try run(["rev-parse", "--show-toplevel"]).trimmingNewlines
  }
}
