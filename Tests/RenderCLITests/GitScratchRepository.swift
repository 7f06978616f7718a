import Foundation

/// A git repository in a temporary folder for the `diff`, `versions` and `history`
/// end-to-end tests: files written from a fixture, commits with chosen authors and
/// dates, and `render` run against it. Removed with everything in it when the value
/// goes away.
///
/// The platform lives in `platformFolder` inside the repository (the top folder by
/// default), so a test can check a render root that is not the repository's top.
final class GitScratchRepository {
  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
  }

  /// The folder holding the repository (and a private temp folder for render).
  let scratch: String
  /// The git repository's top folder, absolute and canonical.
  let top: String
  /// The render root: `top`, or a folder inside it.
  let root: String
  /// Given to render as TMPDIR, so a test can see what it leaves in the temp folder.
  let temporary: String

  init(_ files: [String: String], platformFolder: String? = nil) throws {
    let base = FileManager.default.temporaryDirectory
      .appendingPathComponent("render-git-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    let scratch = base.resolvingSymlinksInPath().path
    let top = scratch + "/repo"
    self.scratch = scratch
    self.top = top
    root = platformFolder.map { top + "/" + $0 } ?? top
    temporary = scratch + "/tmp"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    try git("init", "--quiet", "--initial-branch=main")
    try git("config", "user.name", "Test Runner")
    try git("config", "user.email", "runner@example.com")
    try git("config", "commit.gpgsign", "false")
    try write(files)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: scratch)
  }

  /// Writes files relative to the render root.
  func write(_ files: [String: String]) throws {
    for (path, contents) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    }
  }

  func read(_ path: String) throws -> String {
    try String(contentsOfFile: root + "/" + path, encoding: .utf8)
  }

  /// Replaces text in a file of the render root; fails if the text is not there.
  func replace(_ old: String, with new: String, in path: String) throws {
    let text = try read(path)
    guard text.contains(old) else { throw Failure("'\(old)' is not in \(path)") }
    try write([path: text.replacingOccurrences(of: old, with: new)])
  }

  /// Runs git in the repository; fails with its output when it fails.
  @discardableResult
  func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", top] + arguments
    var merged = ProcessInfo.processInfo.environment
    merged["GIT_CONFIG_NOSYSTEM"] = "1"
    merged["HOME"] = scratch
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw Failure("git \(arguments.joined(separator: " ")) failed: \(text)")
    }
    return text
  }

  /// Commits everything, as `author` at `date` (ISO 8601, used as author and committer
  /// date), with trailers after a blank line.
  func commit(
    _ message: String, author: String = "Test Runner <runner@example.com>",
    date: String = "2024-05-01T10:00:00Z", trailers: [String] = []
  ) throws {
    try git("add", "-A")
    let body = trailers.isEmpty ? message : message + "\n\n" + trailers.joined(separator: "\n")
    try git(
      "commit", "--quiet", "--allow-empty", "-m", body, "--author", author,
      environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
  }

  /// Runs `render build`, which must succeed.
  func build() throws {
    let result = try render("build")
    guard result.status == 0 else { throw Failure("render build failed:\n\(result.transcript)") }
  }

  /// Runs `render <arguments> --root <root>` from the scratch folder, with its own
  /// TMPDIR.
  func render(_ arguments: String...) throws -> RenderBinary.Result {
    try RenderBinary.run(
      arguments + ["--root", root], in: URL(fileURLWithPath: scratch),
      environment: ["TMPDIR": temporary])
  }

  /// Starts `render <arguments> --root <root>` without waiting for it.
  func start(_ arguments: String...) throws -> RenderBinary.Running {
    try RenderBinary.start(
      arguments + ["--root", root], in: URL(fileURLWithPath: scratch),
      environment: ["TMPDIR": temporary])
  }

  /// What render left in its temp folder.
  func temporaryLeftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: temporary)
  }

  /// The paths of git's worktrees.
  func worktrees() throws -> [String] {
    try git("worktree", "list", "--porcelain").split(separator: "\n")
      .filter { $0.hasPrefix("worktree ") }.map { String($0.dropFirst("worktree ".count)) }
  }
}
