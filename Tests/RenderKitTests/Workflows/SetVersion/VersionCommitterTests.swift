import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The commit `--commit` makes, for messages larger than one command-line argument may
/// be (128 KiB on Linux): a promotion of a few thousand services.
@Suite struct VersionCommitterTests {
  @Test func aMessageLargerThanAnArgumentIsCommittedWhole() throws {
    let folder = try TemporaryFolder(prefix: "render-committer")
    let root = folder.path
    let git = GitRepository(root: root)
    try git.run(["init", "--quiet"])
    try git.run(["config", "user.name", "Render Test"])
    try git.run(["config", "user.email", "render-test@example.com"])
    try git.run(["config", "commit.gpgsign", "false"])
    try "version: 2\n".write(toFile: root + "/pin.yaml", atomically: true, encoding: .utf8)

    let changes = (0..<2_500).map { index in
      PinChange(
        environment: "prod", service: "service-\(index)",
        previous: Located(
          "1.0.0", at: testFiles.start(of: "services/service-\(index)/service.yaml")),
        version: "2.0.0", edit: .inserted, location: testFiles.start(of: "environments/prod.yaml"))
    }
    let message = VersionCommitMessage(
      environment: "prod", changes: changes, promotedFrom: "staging")
    #expect(message.text.utf8.count > 131_072)
    let hash = try VersionCommitter(root: root).commit(["pin.yaml"], message: message)
    #expect(!hash.isEmpty)
    let committed = try git.run(["log", "-1", "--format=%B"])
    #expect(committed.trimmingNewlines == message.text.trimmingNewlines)
    // Nothing left behind in the git directory.
    let gitDirectory = try git.run(["rev-parse", "--absolute-git-dir"]).trimmingNewlines
    #expect(!FileManager.default.fileExists(atPath: gitDirectory + "/RENDER_COMMIT_MSG"))
  }
}
