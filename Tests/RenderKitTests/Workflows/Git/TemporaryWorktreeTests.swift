import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The throwaway checkout `render diff --base` compiles the base commit in.
@Suite struct TemporaryWorktreeTests {
  /// A git repository with one commit of `files`; returns it and the commit's hash.
  static func repository(
    _ files: [String: String], in folder: TemporaryFolder
  ) throws -> (GitRepository, String) {
    let git = GitRepository(root: folder.path)
    try git.run(["init", "--quiet", "--initial-branch=main"])
    try git.run(["config", "user.name", "Render Test"])
    try git.run(["config", "user.email", "render-test@example.com"])
    try git.run(["config", "commit.gpgsign", "false"])
    for (path, text) in files { try folder.write(path, text) }
    try git.run(["add", "-A"])
    try git.run(["commit", "--quiet", "-m", "base"])
    let commit = try git.run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
    return (git, commit)
  }

  static let platform = [
    "render.yaml": "output: rendered\n",
    "services/checkout/service.yaml": "template: web\n",
    "templates/web/template.yaml": "parameters: {}\n",
    "environments/prod/environment.yaml": "namespace: prod\n",
    "rendered/prod/checkout/deployment-checkout.yaml": "kind: Deployment\n",
    "README.md": "# platform\n",
  ]

  static func worktrees(_ git: GitRepository) throws -> Int {
    try git.run(["worktree", "list", "--porcelain"]).split(separator: "\n")
      .filter { $0.hasPrefix("worktree ") }.count
  }

  @Test func checksOutOnlyRendersInputs() throws {
    let folder = try TemporaryFolder()
    let (git, commit) = try Self.repository(Self.platform, in: folder)
    let worktree = try TemporaryWorktree(repository: git, prefix: "")
    defer { worktree.remove() }
    try worktree.checkOut(commit)

    #expect(worktree.root == worktree.path)
    let manager = FileManager.default
    for input in [
      "render.yaml", "services/checkout/service.yaml", "templates/web/template.yaml",
      "environments/prod/environment.yaml",
    ] {
      #expect(manager.fileExists(atPath: worktree.root + "/" + input), "\(input)")
    }
    #expect(!manager.fileExists(atPath: worktree.root + "/rendered"))
    #expect(!manager.fileExists(atPath: worktree.root + "/README.md"))
    #expect(try Self.worktrees(git) == 2)
  }

  @Test func theRootIsThePlatformFolderInsideTheCheckout() throws {
    let folder = try TemporaryFolder()
    var files: [String: String] = [:]
    for (path, text) in Self.platform { files["platform/" + path] = text }
    let (git, commit) = try Self.repository(files, in: folder)
    let worktree = try TemporaryWorktree(repository: git, prefix: "platform/")
    defer { worktree.remove() }
    try worktree.checkOut(commit)

    #expect(worktree.root == worktree.path + "/platform")
    #expect(FileManager.default.fileExists(atPath: worktree.root + "/render.yaml"))
    #expect(!FileManager.default.fileExists(atPath: worktree.root + "/rendered"))
  }

  @Test func removeDeletesTheFolderAndGitsRecordAndMayRunTwice() throws {
    let folder = try TemporaryFolder()
    let (git, commit) = try Self.repository(Self.platform, in: folder)
    let worktree = try TemporaryWorktree(repository: git, prefix: "")
    try worktree.checkOut(commit)
    let container = URL(fileURLWithPath: worktree.path).deletingLastPathComponent().path

    worktree.remove()
    #expect(!FileManager.default.fileExists(atPath: container))
    #expect(try Self.worktrees(git) == 1)
    worktree.remove()
    #expect(try Self.worktrees(git) == 1)
  }

  @Test func aCheckoutAfterRemoveDoesNothing() throws {
    let folder = try TemporaryFolder()
    let (git, commit) = try Self.repository(Self.platform, in: folder)
    let worktree = try TemporaryWorktree(repository: git, prefix: "")
    worktree.remove()

    #expect(throws: TemporaryWorktree.Failure.self) { try worktree.checkOut(commit) }
    #expect(!FileManager.default.fileExists(atPath: worktree.path))
    #expect(try Self.worktrees(git) == 1)
  }

  @Test func theRepositorysHooksDoNotRun() throws {
    let folder = try TemporaryFolder()
    let (git, commit) = try Self.repository(Self.platform, in: folder)
    let marker = folder.path + "/hook-ran"
    try folder.write(".git/hooks/post-checkout", "#!/bin/sh\ntouch '\(marker)'\n")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: folder.path + "/.git/hooks/post-checkout")
    let worktree = try TemporaryWorktree(repository: git, prefix: "")
    defer { worktree.remove() }
    try worktree.checkOut(commit)

    #expect(FileManager.default.fileExists(atPath: worktree.root + "/render.yaml"))
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test func anUnknownCommitIsAGitFailure() throws {
    let folder = try TemporaryFolder()
    let (git, _) = try Self.repository(Self.platform, in: folder)
    let worktree = try TemporaryWorktree(repository: git, prefix: "")
    defer { worktree.remove() }
    #expect(throws: TemporaryWorktree.Failure.self) {
      try worktree.checkOut(String(repeating: "0", count: 40))
    }
  }
}
