import Foundation
import TestSupport
import Testing

/// `render history`: when each version reached each environment, from the git history
/// of rendered/versions.yaml.
@Suite struct HistoryTests {
  /// The shop, then api 1.1.0 in prod by Ann (with trailers), then api 1.2.0 everywhere
  /// by Bob, each built and committed on its own day.
  static func repositoryWithHistory() throws -> GitScratchRepository {
    let repository = try GitScratchRepository(Fixture.shop)
    try repository.build()
    try repository.commit("shop", date: "2024-05-01T10:00:00Z")

    try repository.write(["environments/prod/api.yaml": "version: 1.1.0\n"])
    try repository.build()
    try repository.commit(
      "prod: api 1.0.0 -> 1.1.0", author: "Ann Smith <ann@example.com>",
      date: "2024-05-02T09:30:00+02:00",
      trailers: ["Render-Environment: prod", "Render-Service: api", "Render-Version: 1.1.0"])

    // An input change without a build does not move versions.yaml: not in the history.
    try repository.replace(
      "version: 2.0.0", with: "version: 2.1.0", in: "services/web/service.yaml")
    try repository.commit("web 2.1.0, not built yet", date: "2024-05-03T08:00:00Z")

    try FileManager.default.removeItem(atPath: repository.root + "/environments/prod/api.yaml")
    try repository.replace(
      "version: 1.0.0", with: "version: 1.2.0", in: "services/api/service.yaml")
    try repository.build()
    try repository.commit(
      "api 1.2.0", author: "Bob Jones <bob@example.com>", date: "2024-05-04T16:45:10Z")
    return repository
  }

  @Test func everyLandingNewestFirstWithAuthorAndDate() throws {
    let repository = try Self.repositoryWithHistory()
    let result = try repository.render("history", "api")
    #expect(result.status == 0, "\(result.transcript)")
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
    }
    #expect(
      lines == [
        "DATE AUTHOR ENVIRONMENT CHANGE NOTE",
        "2024-05-04T16:45:10Z Bob Jones dev 1.0.0 -> 1.2.0",
        "2024-05-04T16:45:10Z Bob Jones prod 1.1.0 -> 1.2.0",
        "2024-05-02T07:30:00Z Ann Smith prod 1.0.0 -> 1.1.0 trailer",
        "2024-05-01T10:00:00Z Test Runner dev - -> 1.0.0",
        "2024-05-01T10:00:00Z Test Runner prod - -> 1.0.0",
      ])
    let hash = try repository.git("rev-parse", "--short", "HEAD").trimmingCharacters(in: .newlines)
    let rows = result.stdout.split(separator: "\n")
    try #require(rows.count > 1)
    #expect(rows[1].hasPrefix(hash + " "))
  }

  @Test func envFilterAndJSON() throws {
    let repository = try Self.repositoryWithHistory()
    let table = try repository.render("history", "web", "--env", "prod")
    #expect(table.status == 0, "\(table.transcript)")
    // web 2.1.0 landed with Bob's build, not with the commit that changed the input.
    #expect(table.stdout.contains("Bob Jones    prod         2.0.0 -> 2.1.0\n"))
    #expect(!table.stdout.contains(" dev "))

    let json = try repository.render("history", "api", "--env", "prod", "--format", "json")
    #expect(json.status == 0, "\(json.transcript)")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    try #require(entries.count == 3)
    #expect(entries.map { $0["newVersion"] as? String } == ["1.2.0", "1.1.0", "1.0.0"])
    #expect(entries[1]["author"] as? String == "Ann Smith")
    #expect(entries[1]["email"] as? String == "ann@example.com")
    #expect(entries[1]["date"] as? String == "2024-05-02T07:30:00Z")
    #expect(entries[1]["confirmedByTrailer"] as? Bool == true)
    #expect(entries[1]["old"] as? String == "ghcr.io/acme/api:1.0.0")
    #expect(entries[0]["confirmedByTrailer"] as? Bool == false)
    #expect((entries[0]["commit"] as? String)?.count == 40)
  }

  @Test func unknownNamesAreUsageErrorsWithADidYouMean() throws {
    let repository = try Self.repositoryWithHistory()
    let service = try repository.render("history", "apii")
    #expect(service.status == 64, "\(service.transcript)")
    #expect(service.stderr.contains("no service 'apii'"))
    #expect(service.stderr.contains("did you mean 'api'?"))
    let environment = try repository.render("history", "api", "--env", "prd")
    #expect(environment.status == 64, "\(environment.transcript)")
    #expect(environment.stderr.contains("did you mean 'prod'?"))
  }

  @Test func mergesCountWhenTheyLand() throws {
    let repository = try GitScratchRepository(Fixture.shop)
    try repository.build()
    try repository.commit("shop", date: "2024-05-01T10:00:00Z")
    try repository.git("checkout", "--quiet", "-b", "feature")
    try repository.write(["environments/prod/api.yaml": "version: 1.3.0\n"])
    try repository.build()
    try repository.commit(
      "api 1.3.0 in prod", author: "Ann Smith <ann@example.com>", date: "2024-05-02T10:00:00Z")
    try repository.git("checkout", "--quiet", "main")
    try repository.git(
      "merge", "--no-ff", "--quiet", "-m", "Merge feature", "feature",
      environment: [
        "GIT_AUTHOR_DATE": "2024-05-05T12:00:00Z", "GIT_COMMITTER_DATE": "2024-05-05T12:00:00Z",
        "GIT_AUTHOR_NAME": "Merge Bot", "GIT_AUTHOR_EMAIL": "bot@example.com",
      ])
    let result = try repository.render("history", "api", "--env", "prod")
    #expect(result.status == 0, "\(result.transcript)")
    let rows = result.stdout.split(separator: "\n")
    try #require(rows.count == 3)
    let merged = rows[1].split(separator: " ").joined(separator: " ")
    #expect(merged.hasSuffix(" 2024-05-05T12:00:00Z Merge Bot prod 1.0.0 -> 1.3.0"))
  }

  /// The output folder renamed in render.yaml (versions.yaml written to the new folder and
  /// the old one removed in one commit): the history goes on through the old path.
  @Test func historyFollowsARenamedOutputFolder() throws {
    let repository = try Self.repositoryWithHistory()
    try repository.write(["render.yaml": "output: deploy\n"])
    try repository.build()
    try FileManager.default.removeItem(atPath: repository.root + "/rendered")
    try repository.commit("output: deploy", date: "2024-05-05T09:00:00Z")
    try repository.write(["environments/prod/api.yaml": "version: 1.3.0\n"])
    try repository.build()
    try repository.commit("prod: api 1.3.0", date: "2024-05-06T09:00:00Z")

    let result = try repository.render("history", "api", "--env", "prod", "--format", "json")
    #expect(result.status == 0, "\(result.transcript)")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let changes = entries.map {
      "\($0["oldVersion"] as? String ?? "-") -> \($0["newVersion"] as? String ?? "-")"
    }
    #expect(changes == ["1.2.0 -> 1.3.0", "1.1.0 -> 1.2.0", "1.0.0 -> 1.1.0", "- -> 1.0.0"])
  }

  /// versions.yaml copied to a new folder while the old one stayed a while, then the old
  /// one deleted: the new file's history starts with the old file's.
  @Test func historyFollowsACopiedVersionsFile() throws {
    let repository = try Self.repositoryWithHistory()
    try repository.write(["render.yaml": "output: deploy\n"])
    try repository.build()
    try repository.commit("output: deploy", date: "2024-05-05T09:00:00Z")
    try FileManager.default.removeItem(atPath: repository.root + "/rendered")
    try repository.commit("remove the old output", date: "2024-05-06T09:00:00Z")

    let result = try repository.render("history", "api", "--env", "prod", "--format", "json")
    #expect(result.status == 0, "\(result.transcript)")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(entries.map { $0["newVersion"] as? String } == ["1.2.0", "1.1.0", "1.0.0"])
    #expect(entries.map { $0["author"] as? String } == ["Bob Jones", "Ann Smith", "Test Runner"])
  }

  /// Authors and subjects are the committers' text: control characters in them are JSON
  /// escapes in `--format json` (the values read back exactly) and `\uXXXX` in the table,
  /// and git's field separators in them cannot shift a field.
  @Test func controlCharactersInGitMetadataAreEscaped() throws {
    let repository = try GitScratchRepository(Fixture.shop)
    try repository.build()
    let author = "Eve \u{1B}]0;owned\u{07} \u{1F}\u{7F}\u{85} Mallory"
    let subject = "api \u{1E}\u{1F} \u{1B}[2J\u{1B}[31mred \u{2028} \u{9B}end"
    try repository.commit(subject, author: author + " <eve@example.com>")

    let json = try repository.render("history", "api", "--format", "json")
    #expect(json.status == 0, "\(json.transcript)")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    try #require(entries.count == 2)
    #expect(entries[0]["author"] as? String == author)
    #expect(entries[0]["subject"] as? String == subject)
    #expect(entries[0]["email"] as? String == "eve@example.com")
    #expect(entries[0]["environment"] as? String == "dev")

    let table = try repository.render("history", "api")
    #expect(table.status == 0, "\(table.transcript)")
    for output in [json.stdout, table.stdout] {
      #expect(
        !output.unicodeScalars.contains {
          TerminalTextCheck.isRaw($0)
        })
    }
    #expect(table.stdout.contains("Eve \\u001B]0;owned\\u0007 \\u001F\\u007F\\u0085 Mallory"))
  }

  @Test func outsideARepositoryItSaysSo() throws {
    let folder = try TemporaryFolder(prefix: "render-nogit")
    let result = try RenderBinary.run(
      ["history", "api", "--root", folder.path],
      environment: [
        "GIT_CEILING_DIRECTORIES": URL(fileURLWithPath: folder.path).deletingLastPathComponent()
          .path
      ])
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stderr.contains("history needs a git repository"))
  }

  @Test func historyIsInTheHelp() throws {
    let result = try RenderBinary.run(["history", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("render history checkout --env prod"))
  }
}

/// The characters no command may print raw: C0 controls but newline and tab, DEL, C1
/// controls, U+2028 and U+2029.
enum TerminalTextCheck {
  static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
    default: false
    }
  }
}
