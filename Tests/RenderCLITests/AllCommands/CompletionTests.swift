import Foundation
import TestSupport
import Testing

/// Dynamic shell completions (issue 13): environment and service names come from the
/// repository `--root` names (or the current folder), through the completion protocol
/// the generated bash, zsh and fish scripts call (`render ---completion ...`).
@Suite struct CompletionTests {
  /// What the shell scripts run for the word at `index` of `words` (the cursor at its end).
  static func complete(
    _ command: [String], argument: String, words: [String], in directory: URL? = nil
  ) throws -> [String] {
    let index = words.count - 1
    let cursor = words.last?.count ?? 0
    let result = try RenderBinary.run(
      ["---completion"] + command + ["--", argument, String(index), String(cursor)] + words,
      in: directory)
    #expect(result.status == 0, "\(result.stderr)")
    return result.stdout.split(separator: "\n").map(String.init)
  }

  @Test func environmentsAndServicesOfTheRootNamed() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    // An abstract environment is completed too; a folder without environment.yaml is not.
    try repository.write("environments/notes/README.md", "not an environment\n")
    #expect(
      try Self.complete(
        ["build"], argument: "--env", words: ["build", "--root", repository.root, "--env", ""])
        == ["base", "dev", "prod"])
    #expect(
      try Self.complete(
        ["build"], argument: "--env", words: ["build", "--root=" + repository.root, "--env", "d"])
        == ["dev"])
    #expect(
      try Self.complete(
        ["preview"], argument: "positional@1",
        words: ["preview", "--root", repository.root, "prod", ""]) == ["api", "web"])
    #expect(
      try Self.complete(
        ["promote"], argument: "--to",
        words: ["promote", "api", "--root", repository.root, "--to", "p"]) == ["prod"])
  }

  @Test func currentFolderWithoutRoot() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    #expect(
      try Self.complete(
        ["explain"], argument: "positional@1", words: ["explain", "dev", "w"],
        in: URL(fileURLWithPath: repository.root)) == ["web"])
  }

  @Test func noRepositoryNoNames() throws {
    let empty = try TemporaryFolder.make(prefix: "render-completion")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    #expect(
      try Self.complete(
        ["history"], argument: "--env", words: ["history", "api", "--env", ""],
        in: URL(fileURLWithPath: empty)) == [])
  }
}
