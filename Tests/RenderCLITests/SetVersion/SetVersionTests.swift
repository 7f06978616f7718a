import Foundation
import Testing

/// `render set-version` on temporary git repositories: the built binary, its output, the
/// files it edits and the commits it makes.
@Suite struct SetVersionTests {
  func output(_ result: RenderBinary.Result) -> String {
    "exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)"
  }

  @Test func changesOnlyTheVersionTokenInACommentedFile() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["set-version", "checkout", "1.15.1", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/checkout.yaml") == """
        # Checkout in prod — pinned, bumped by CI with `render set-version`.
        #   ünïcödé in a comment moves bytes away from characters.

        version: 1.15.1    # keep in step with the mobile app

        values:
          # Two replicas per zone.
          replicas: 2

        """)
    #expect(
      result.stdout.contains(
        "prod: checkout 1.14.2 -> 1.15.1 (environments/prod/checkout.yaml:4)\n"))
    // prod-eu inherits prod without pinning checkout: it follows, and says so.
    #expect(result.stdout.contains("prod-eu: checkout 1.14.2 -> 1.15.1 (inherits prod)\n"))
    #expect(
      try repository.read("rendered/prod/checkout/deployment-checkout.yaml").contains(
        "ghcr.io/acme/checkout:1.15.1"))
    #expect(
      try repository.read("rendered/prod-eu/checkout/deployment-checkout.yaml").contains(
        "ghcr.io/acme/checkout:1.15.1"))
    #expect(
      try repository.read("rendered/versions.yaml").contains(
        "checkout: ghcr.io/acme/checkout:1.15.1"))
    let check = try repository.render(["build", "--check"])
    #expect(check.status == 0, "\(output(check))")
    // Without --commit nothing is committed.
    #expect(try repository.commitCount() == 1)
  }

  @Test func editsTheOverrideInEnvironmentYAML() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["set-version", "catalog=3.3.0", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/environment.yaml")
        == VersionPinRepository.prodEnvironment.replacingOccurrences(
          of: "catalog: {version: 3.2.0}", with: "catalog: {version: 3.3.0}"))
    #expect(
      result.stdout.contains(
        "prod: catalog 3.2.0 -> 3.3.0 (environments/prod/environment.yaml:7)\n"))
  }

  @Test func addsVersionToAnOverrideWithoutOne() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["set-version", "payments", "4.2.0", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/environment.yaml")
        == VersionPinRepository.prodEnvironment.replacingOccurrences(
          of: "      replicas: 2\n", with: "      replicas: 2\n    version: 4.2.0\n"))
    #expect(
      result.stdout.contains(
        "prod: payments 4.1.3 -> 4.2.0 (environments/prod/environment.yaml:11, added)\n"))
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func createsTheOverrideFileWhenNoneExists() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render([
      "set-version", "checkout", "1.16.0-rc.1", "--env", "staging",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(try repository.read("environments/staging/checkout.yaml") == "version: 1.16.0-rc.1\n")
    #expect(
      result.stdout.contains(
        "staging: checkout 1.15.0 -> 1.16.0-rc.1 (environments/staging/checkout.yaml:1, new file)\n"
      ))
    // service.yaml, which every environment reads, is left alone.
    #expect(try repository.read("services/checkout/service.yaml").contains("version: 1.15.0\n"))
    #expect(
      try repository.read("rendered/prod/checkout/deployment-checkout.yaml").contains(
        "checkout:1.14.2"))
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func aPinInANewFileLeavesTheBytesOfFilesWithoutTheImage() throws {
    // A second template file that does not run the image: the pin cannot change it, so
    // neither its body nor its header (its list of inputs) may change.
    let repository = try VersionPinRepository()
    try repository.write(
      "templates/web/configmap.yaml",
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: '${ service.name }-settings'}
      data: {LOG_LEVEL: info}

      """)
    #expect(try repository.render(["build"]).status == 0)
    let configMap = "rendered/staging/checkout/configmap-checkout-settings.yaml"
    let before = try repository.read(configMap)
    let result = try repository.render([
      "set-version", "checkout", "1.16.0", "--env", "staging",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(try repository.read("environments/staging/checkout.yaml") == "version: 1.16.0\n")
    #expect(try repository.read(configMap) == before)
    // The Deployment runs the image: it changed, and names the new file as an input.
    #expect(
      try repository.read("rendered/staging/checkout/deployment-checkout.yaml").contains(
        "environments/staging/checkout.yaml"))
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func releaseSetsDefaultsVersionAddingTheMissingMapping() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render([
      "set-version", "--release", "2026.12.2", "--env", "prod-eu",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod-eu/environment.yaml")
        == "# EU follows prod.\ninherits: prod\nnamespace: shop-prod-eu\ndefaults:\n  version: 2026.12.2\n"
    )
    #expect(
      result.stdout.contains(
        "prod-eu: defaults.version (none) -> 2026.12.2 (environments/prod-eu/environment.yaml:5, added)\n"
      ))
    // Every templated service without its own pin runs the release; an override wins.
    #expect(
      try repository.read("rendered/prod-eu/payments/deployment-payments.yaml").contains(
        "ghcr.io/acme/payments:2026.12.2"))
    #expect(
      try repository.read("rendered/prod-eu/checkout/deployment-checkout.yaml").contains(
        "ghcr.io/acme/checkout:1.14.2"))
    #expect(
      try repository.read("rendered/prod/payments/deployment-payments.yaml").contains(
        "ghcr.io/acme/payments:4.1.3"))
    #expect(try repository.render(["build", "--check"]).status == 0)
    let again = try repository.render([
      "set-version", "--release", "2026.12.2", "--env", "prod-eu",
    ])
    #expect(again.stdout.contains("prod-eu: defaults.version is already at 2026.12.2"))
    let refused = try repository.render([
      "set-version", "checkout", "--release", "2026.12.2", "--env", "prod-eu",
    ])
    #expect(refused.status == 64)
  }

  @Test func releaseKeepsLaterStagesOfThePromotionWhereTheyAre() throws {
    var files = VersionPinRepository.platform
    files["render.yaml"] = "output: rendered\npromotion: [prod, prod-eu]\n"
    files["environments/prod/environment.yaml"] =
      VersionPinRepository.prodEnvironment + "defaults: {version: 2026.12.1}\n"
    let repository = try VersionPinRepository(files)
    let result = try repository.render(["set-version", "--release", "2026.12.2", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/environment.yaml").hasSuffix(
        "defaults: {version: 2026.12.2}\n"))
    #expect(
      try repository.read("environments/prod-eu/environment.yaml").hasSuffix(
        "defaults:\n  version: 2026.12.1\n"))
    #expect(
      result.stdout.contains(
        "prod-eu: defaults.version kept at 2026.12.1 (environments/prod-eu/environment.yaml:5, added): prod-eu inherits prod and comes after it in 'promotion'\n"
      ))
    #expect(
      try repository.read("rendered/prod/payments/deployment-payments.yaml").contains(
        "ghcr.io/acme/payments:2026.12.2"))
    #expect(
      try repository.read("rendered/prod-eu/payments/deployment-payments.yaml").contains(
        "ghcr.io/acme/payments:2026.12.1"))
    // Promoting the release moves prod-eu on, now that it pins its own.
    let promote = try repository.render([
      "promote", "--release", "--from", "prod", "--to", "prod-eu",
    ])
    #expect(promote.status == 0, "\(output(promote))")
    #expect(
      try repository.read("environments/prod-eu/environment.yaml").hasSuffix(
        "defaults:\n  version: 2026.12.2\n"))
    let none = try repository.render(["promote", "--release", "--from", "staging", "--to", "prod"])
    #expect(none.status == 1)
    #expect(none.stderr.contains("staging has no defaults.version to promote"))
    #expect(none.stderr.contains("environments/staging/environment.yaml:1:1"))
  }

  @Test func pinsInTheChildNotTheParentEnvironment() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render(["set-version", "checkout", "1.14.3", "--env", "prod-eu"])
    #expect(result.status == 0, "\(output(result))")
    #expect(try repository.read("environments/prod-eu/checkout.yaml") == "version: 1.14.3\n")
    #expect(
      try repository.read("environments/prod/checkout.yaml") == VersionPinRepository.prodCheckout)
    #expect(!result.stdout.contains("prod: "))
  }

  @Test func twoPinsMakeExactlyOneCommitWithTrailers() throws {
    let repository = try VersionPinRepository()
    let result = try repository.render([
      "set-version", "checkout=1.15.0", "catalog=3.3.0", "--env", "prod", "--commit",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(try repository.commitCount() == 2)
    #expect(
      try repository.git(["log", "-1", "--format=%B"]) == """
        prod: checkout 1.14.2 -> 1.15.0, catalog 3.2.0 -> 3.3.0

        Render-Environment: prod
        Render-Service: checkout
        Render-Version: 1.15.0
        Render-Service: catalog
        Render-Version: 3.3.0


        """)
    let trailers = try repository.git(["log", "-1", "--format=%(trailers:only,unfold)"])
    #expect(
      trailers.contains(
        "Render-Service: checkout\nRender-Version: 1.15.0\nRender-Service: catalog\n"))
    #expect(
      try repository.lastCommitPaths() == [
        "environments/prod/checkout.yaml",
        "environments/prod/environment.yaml",
        "rendered/prod-eu/catalog/deployment-catalog.yaml",
        "rendered/prod-eu/checkout/deployment-checkout.yaml",
        "rendered/prod/catalog/deployment-catalog.yaml",
        "rendered/prod/checkout/deployment-checkout.yaml",
        "rendered/versions.yaml",
      ])
    let stat = try repository.git(["show", "--stat", "--format=", "HEAD"])
    #expect(stat.contains("7 files changed"), "\(stat)")
    #expect(try repository.git(["status", "--porcelain"]) == "")
    #expect(result.stdout.contains("render: committed "))
    #expect(try repository.render(["build", "--check"]).status == 0)
  }

  @Test func refusesToCommitOverUnrelatedChanges() throws {
    let repository = try VersionPinRepository()
    try repository.write("README.md", "# Shop platform, edited\n")
    try repository.write("notes.txt", "untracked outside the input folders: fine\n")
    let before = try repository.snapshot()
    let result = try repository.render([
      "set-version", "checkout", "1.15.0", "--env", "prod", "--commit",
    ])
    #expect(result.status == 1, "\(output(result))")
    #expect(result.stderr.contains("README.md"))
    #expect(!result.stderr.contains("notes.txt"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)

    // A staged change is refused too, and so is an untracked input file, which would
    // change the render without being in the commit.
    try repository.git(["add", "README.md"])
    #expect(
      try repository.render(["set-version", "checkout", "1.15.0", "--env", "prod", "--commit"])
        .status == 1)
    try repository.git(["reset", "--quiet", "--hard"])
    try repository.write("environments/staging/catalog.yaml", "values: {replicas: 2}\n")
    let untracked = try repository.render([
      "set-version", "checkout", "1.15.0", "--env", "prod", "--commit",
    ])
    #expect(untracked.status == 1, "\(output(untracked))")
    #expect(untracked.stderr.contains("environments/staging/catalog.yaml"))
    #expect(
      try repository.read("environments/prod/checkout.yaml") == VersionPinRepository.prodCheckout)
  }

  @Test func refusesToCommitOutsideAGitRepository() throws {
    let repository = try VersionPinRepository()
    try FileManager.default.removeItem(atPath: repository.root + "/.git")
    let before = try repository.snapshot()
    let result = try repository.render([
      "set-version", "checkout", "1.15.0", "--env", "prod", "--commit",
    ])
    #expect(result.status == 1, "\(output(result))")
    #expect(result.stderr.contains("git repository"))
    #expect(try repository.snapshot() == before)
  }

  @Test(arguments: ["1.15 .0", ".hidden", "latest@sha256", "sha256:abc", "é"])
  func invalidVersionChangesNothing(_ version: String) throws {
    let repository = try VersionPinRepository()
    let before = try repository.snapshot()
    let result = try repository.render([
      "set-version", "checkout", version, "--env", "prod", "--commit",
    ])
    #expect(result.status == 1, "\(output(result))")
    #expect(result.stderr.contains("is neither an image tag nor a sha256 digest"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)
  }

  @Test func aDigestIsAValidVersion() throws {
    let repository = try VersionPinRepository()
    let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
    let result = try repository.render(["set-version", "checkout", digest, "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/checkout.yaml").contains(
        "version: \(digest)    # keep"))
    #expect(
      try repository.read("rendered/prod/checkout/deployment-checkout.yaml").contains(
        "ghcr.io/acme/checkout@\(digest)"))
  }

  @Test func aChangeThatDoesNotValidateWritesNothing() throws {
    let repository = try VersionPinRepository()
    let before = try repository.snapshot()
    // docs renders plain manifests and has no image: a version there is an error.
    let result = try repository.render([
      "set-version", "docs", "1.0.0", "--env", "prod", "--commit",
    ])
    #expect(result.status == 1, "\(output(result))")
    #expect(
      result.stderr.contains(
        "environments/prod/docs.yaml:1:10: error[input]: service 'docs' sets a version but no image"
      ))
    #expect(result.stderr.contains("nothing written"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)
  }

  @Test func settingTheCurrentVersionIsANoOp() throws {
    let repository = try VersionPinRepository()
    let before = try repository.snapshot()
    let result = try repository.render([
      "set-version", "checkout", "1.14.2", "--env", "prod", "--commit",
    ])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      result.stdout.contains(
        "prod: checkout is already at 1.14.2 (environments/prod/checkout.yaml:4)"))
    #expect(try repository.snapshot() == before)
    #expect(try repository.commitCount() == 1)
  }

  @Test func unknownNamesAreUsageErrorsWithSuggestions() throws {
    let repository = try VersionPinRepository()
    let service = try repository.render(["set-version", "chekout", "1.15.0", "--env", "prod"])
    #expect(service.status == 64, "\(output(service))")
    #expect(service.stderr.contains("no service 'chekout'; did you mean 'checkout'?"))
    let environment = try repository.render(["set-version", "checkout=1.15.0", "--env", "prdo"])
    #expect(environment.status == 64, "\(output(environment))")
    #expect(environment.stderr.contains("no environment 'prdo'; did you mean 'prod'?"))
    let malformed = try repository.render([
      "set-version", "checkout=1.15.0", "catalog", "--env", "prod",
    ])
    #expect(malformed.status == 64, "\(output(malformed))")
    let twice = try repository.render([
      "set-version", "checkout=1.15.0", "checkout=1.16.0", "--env", "prod",
    ])
    #expect(twice.status == 64, "\(output(twice))")
    #expect(
      try repository.read("environments/prod/checkout.yaml") == VersionPinRepository.prodCheckout)
  }

  @Test func keepsCRLFFiles() throws {
    var files = VersionPinRepository.platform
    files["environments/prod/checkout.yaml"] =
      "# CRLF\r\nversion: 1.14.2\r\nvalues:\r\n  replicas: 2\r\n"
    let repository = try VersionPinRepository(files)
    let result = try repository.render(["set-version", "checkout", "1.15.0", "--env", "prod"])
    #expect(result.status == 0, "\(output(result))")
    #expect(
      try repository.read("environments/prod/checkout.yaml")
        == "# CRLF\r\nversion: 1.15.0\r\nvalues:\r\n  replicas: 2\r\n")
  }

  @Test func helpHasExamples() throws {
    let result = try RenderBinary.run(["set-version", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Examples:"))
    #expect(
      result.stdout.contains("render set-version checkout=1.15.0 catalog=3.3.0 --env prod --commit")
    )
    #expect(try RenderBinary.run(["--help"]).stdout.contains("set-version"))
  }
}
