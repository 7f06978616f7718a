import Foundation
import TestSupport
import Testing

/// Behaviour fixes of issue 9 on the built binary: promotion order in set-version and
/// promote, `--pin`, commands outside a render repository, preview of a disabled service.
@Suite struct PlatformFitCLITests {
  func output(_ result: RenderBinary.Result) -> String {
    "exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
  }

  /// The pin platform with `promotion: [staging, prod, prod-eu]`.
  func promotionRepository() throws -> VersionPinRepository {
    var files = VersionPinRepository.platform
    files["render.yaml"] = "output: rendered\npromotion: [staging, prod, prod-eu]\n"
    return try VersionPinRepository(files)
  }

  @Test func promotingIntoAParentKeepsTheLaterStageItFeeds() throws {
    let repository = try promotionRepository()
    // prod-eu inherits catalog 3.2.0 from prod; promoting 3.3.0 to prod must not move it.
    let result = try repository.render([
      "promote", "catalog", "--from", "staging", "--to", "prod", "--commit",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      result.stdout.contains(
        "prod-eu: catalog kept at 3.2.0 (environments/prod-eu/catalog.yaml:1, new file): prod-eu inherits prod and comes after it in 'promotion'\n"
      ), "\(output(result))")
    #expect(try repository.read("environments/prod-eu/catalog.yaml") == "version: 3.2.0\n")
    #expect(
      try repository.read("rendered/prod-eu/catalog/deployment-catalog.yaml").contains(
        "ghcr.io/acme/catalog:3.2.0"))
    #expect(
      try repository.read("rendered/prod/catalog/deployment-catalog.yaml").contains(
        "ghcr.io/acme/catalog:3.3.0"))
    #expect(
      try repository.git(["log", "-1", "--format=%s"])
        == "prod: catalog 3.2.0 -> 3.3.0 (from staging)\n")
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func withoutPromotionOrderChildrenStillFollow() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["set-version", "catalog", "3.3.0", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(!repository.exists("environments/prod-eu/catalog.yaml"))
    #expect(result.stdout.contains("prod-eu: catalog 3.2.0 -> 3.3.0 (inherits prod)\n"))
  }

  @Test func pinWritesAnExplicitPinEvenWhenInherited() throws {
    let repository = try VersionPinRepository()
    // prod-eu has checkout 1.14.2 from prod.
    let plain = try repository.render(["set-version", "checkout", "1.14.2", "--env", "prod-eu"])
    #expect(plain.status == 0, "\(output(plain))")
    #expect(!repository.exists("environments/prod-eu/checkout.yaml"))
    let pinned = try repository.render([
      "set-version", "checkout", "1.14.2", "--env", "prod-eu", "--pin",
    ])
    #expect(pinned.status == 0, "\(output(pinned))")
    #expect(try repository.read("environments/prod-eu/checkout.yaml") == "version: 1.14.2\n")
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test(arguments: [["build"], ["validate"], []])
  func commandsOutsideARenderRepositoryRefuse(arguments: [String]) throws {
    let folder = try TemporaryFolder.make(prefix: "render-not-a-repo")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try "# notes\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
    let result = try RenderBinary.run(arguments, in: URL(fileURLWithPath: folder))
    #expect(result.status == 64, "\(output(result))")
    #expect(result.stderr.contains("is not a render repository"), "\(output(result))")
    #expect(result.stderr.contains("render init"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/rendered"))
  }

  @Test func previewOfADisabledServiceSaysSo() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["preview", "staging", "legacy"])
    #expect(result.status == 1, "\(output(result))")
    #expect(
      result.stderr.contains(
        "render: service 'legacy' is disabled in 'staging' (environments/staging/environment.yaml:5:21)"
      ), "\(output(result))")
    let unknown = try repository.render(["preview", "staging", "legasy"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("did you mean 'legacy'?"), "\(output(unknown))")
  }
}

/// `render promote --all`.
@Suite struct PromoteAllTests {
  @Test func movesEveryServiceThatDiffers() throws {
    let repository = try VersionPinRepository()
    // staging: checkout 1.15.0, catalog 3.3.0, payments 4.1.3; legacy disabled.
    // prod: checkout 1.14.2, catalog 3.2.0, payments 4.1.3.
    let result = try repository.render(["promote", "--all", "--from", "staging", "--to", "prod"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("prod: checkout 1.14.2 -> 1.15.0"), "\(result.stdout)")
    #expect(result.stdout.contains("prod: catalog 3.2.0 -> 3.3.0"), "\(result.stdout)")
    #expect(!result.stdout.contains("payments"), "\(result.stdout)")
    #expect(!result.stdout.contains("legacy"), "\(result.stdout)")
    let again = try repository.render(["promote", "--all", "--from", "staging", "--to", "prod"])
    #expect(again.status == 0)
    #expect(again.stdout == "render: every service of prod already runs what staging runs\n")
    let both = try repository.render([
      "promote", "checkout", "--all", "--from", "staging", "--to", "prod",
    ])
    #expect(both.status == 64)
  }
}
