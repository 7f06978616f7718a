import Foundation
import Testing

/// `render promote` on temporary git repositories.
@Suite struct PromoteTests {
  func output(_ result: RenderBinary.Result) -> String {
    "exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
  }

  @Test func copiesTheVersionResolvedInTheSourceEnvironment() throws {
    let repository = try VersionPinRepository()
    // staging takes checkout's version from service.yaml (1.15.0): promote copies it
    // into prod's own pin, whatever layer set it in staging.
    let result = try repository.render(["promote", "checkout", "--from", "staging", "--to", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/checkout.yaml")
        == VersionPinRepository.prodCheckout.replacingOccurrences(
          of: "version: 1.14.2", with: "version: 1.15.0"))
    #expect(
      result.stdout.contains(
        "prod: checkout 1.14.2 -> 1.15.0 (environments/prod/checkout.yaml:4)\n"))
    #expect(try repository.render(["build", "--check"]).status == 0)
    // staging itself is untouched.
    #expect(!repository.exists("environments/staging/checkout.yaml"))
  }

  @Test func severalServicesMakeOneCommit() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render([
      "promote", "checkout", "catalog", "--from", "staging", "--to", "prod", "--commit",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(try repository.commitCount() == 2)
    #expect(
      try repository.git(["log", "-1", "--format=%B"]) == """
        prod: checkout 1.14.2 -> 1.15.0, catalog 3.2.0 -> 3.3.0 (from staging)

        Render-Environment: prod
        Render-Service: checkout
        Render-Version: 1.15.0
        Render-Service: catalog
        Render-Version: 3.3.0


        """)
    #expect(
      try repository.lastCommitPaths().filter { !$0.hasPrefix("rendered/") } == [
        "environments/prod/checkout.yaml", "environments/prod/environment.yaml",
      ])
    #expect(try repository.git(["status", "--porcelain"]) == "")
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func promotingTheSameVersionChangesNothing() throws {
    let repository = try VersionPinRepository()
    let before = try repository.snapshot()
    // prod-eu inherits prod's 1.14.2 for checkout.
    let result = try repository.render([
      "promote", "checkout", "--from", "prod", "--to", "prod-eu", "--commit",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(result.stdout.contains("prod-eu: checkout is already at 1.14.2"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)
  }

  @Test func aDisabledServiceHasNothingToPromote() throws {
    let repository = try VersionPinRepository()
    let before = try repository.snapshot()
    let result = try repository.render([
      "promote", "legacy", "--from", "staging", "--to", "prod", "--commit",
    ])
    #expect(result.status == 1, "\(output(result))")
    #expect(result.stderr.contains("legacy is disabled in staging"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)
  }

  @Test func aServiceWithoutVersionHasNothingToPromote() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["promote", "docs", "--from", "staging", "--to", "prod"])
    #expect(result.status == 1, "\(output(result))")
    #expect(result.stderr.contains("docs has no version in staging"))
  }

  @Test func unknownNamesAreUsageErrorsWithSuggestions() throws {
    let repository = try VersionPinRepository()
    let from = try repository.render(["promote", "checkout", "--from", "stagign", "--to", "prod"])
    #expect(from.status == 64, "\(output(from))")
    #expect(from.stderr.contains("no environment 'stagign'; did you mean 'staging'?"))
    let to = try repository.render(["promote", "checkout", "--from", "staging", "--to", "prdo"])
    #expect(to.status == 64, "\(output(to))")
    #expect(to.stderr.contains("no environment 'prdo'; did you mean 'prod'?"))
    let service = try repository.render(["promote", "catalgo", "--from", "staging", "--to", "prod"])
    #expect(service.status == 64, "\(output(service))")
    #expect(service.stderr.contains("no service 'catalgo'; did you mean 'catalog'?"))
    let same = try repository.render(["promote", "checkout", "--from", "prod", "--to", "prod"])
    #expect(same.status == 64, "\(output(same))")
  }

  @Test func helpHasExamples() throws {
    let result = try RenderBinary.run(["promote", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(result.stdout.contains("render promote checkout --from staging --to prod"))
  }
}
