import Foundation
import TestSupport

/// A git repository in a temporary folder for the `diff`, `versions` and `history`
/// end-to-end tests: files written from a fixture, commits with chosen authors and
/// dates, and `render` run against it. A `TemporaryRepository` whose root is git's top
/// folder, removed with everything in it when the value goes away.
///
/// The platform lives in `platformFolder` inside the repository (the top folder by
/// default), so a test can check a render root that is not the repository's top.
final class GitScratchRepository {
  /// The repository; its root is git's top folder.
  let repository: TemporaryRepository
  /// The render root relative to the top folder ("" for the top folder itself).
  let platformFolder: String
  /// The git repository's top folder, absolute and canonical.
  var top: String { repository.root }
  /// The render root: `top`, or a folder inside it.
  var root: String { repository.absolute(platformFolder) }
  /// Given to render as TMPDIR, so a test can see what it leaves in the temp folder.
  let temporary: String

  init(_ files: [String: String], platformFolder: String? = nil) throws {
    repository = try TemporaryRepository()
    self.platformFolder = platformFolder ?? ""
    temporary = repository.scratch + "/tmp"
    try repository.makeDirectory(self.platformFolder)
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    try repository.initializeGit(
      ["--initial-branch=main"], name: "Test Runner", email: "runner@example.com")
    try write(files)
  }

  /// `path` relative to the top folder.
  private func inPlatform(_ path: String) -> String {
    platformFolder.isEmpty ? path : platformFolder + "/" + path
  }

  /// Writes files relative to the render root.
  func write(_ files: [String: String]) throws {
    for (path, contents) in files {
      try repository.write(inPlatform(path), contents)
    }
  }

  func read(_ path: String) throws -> String {
    try repository.read(inPlatform(path))
  }

  /// Replaces text in a file of the render root; fails if the text is not there.
  func replace(_ old: String, with new: String, in path: String) throws {
    try repository.replace(old, with: new, in: inPlatform(path))
  }

  /// Runs git in the repository, isolated as `TemporaryRepository.git` does; fails with
  /// its output when it fails.
  @discardableResult
  func git(_ arguments: String..., environment: [String: String] = [:]) throws -> String {
    try repository.git(arguments, environment: environment)
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
    guard result.status == 0 else {
      throw TestFailure("render build failed:\n\(result.transcript)")
    }
  }

  /// Runs `render <arguments> --root <root>` from the scratch folder, with its own
  /// TMPDIR.
  func render(_ arguments: String...) throws -> RenderBinary.Result {
    try repository.render(
      arguments, platform: platformFolder, environment: ["TMPDIR": temporary])
  }

  /// Starts `render <arguments> --root <root>` without waiting for it.
  func start(_ arguments: String...) throws -> RenderBinary.Running {
    try repository.start(arguments, platform: platformFolder, environment: ["TMPDIR": temporary])
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
