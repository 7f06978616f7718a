import TestSupport
import Testing

@testable import RenderKit

/// Where `render set-version` puts each pin and what text it writes, planned in memory
/// on inline repositories (the end-to-end runs are in RenderCLITests).
@Suite struct SetVersionPlannerTests {
  /// `checkout` (1.4.2 in service.yaml) and `catalog` (2.0.0), an abstract `base`, and
  /// `staging` and `prod` inheriting it.
  static let platform: [String: String] = RepositoryFixture.minimal.merging([
    "services/catalog/service.yaml": """
    template: web
    image: ghcr.io/acme/catalog
    version: 2.0.0
    """,
    "environments/base/environment.yaml": "abstract: true\n",
    "environments/staging/environment.yaml": "inherits: base\nnamespace: shop-staging\n",
    "environments/prod/environment.yaml": "inherits: base\nnamespace: shop-prod\n",
  ]) { _, new in new }

  func plan(
    _ files: [String: String?], pins: [VersionPin], in environment: String,
    explicit: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> SetVersionPlan {
    let repository = RepositoryFixture.repository(files, base: Self.platform)
    let (platform, diagnostics) = PlatformParser.parse(repository)
    #expect(
      diagnostics.isEmpty, "\(RepositoryFixture.lines(diagnostics, in: testFiles))",
      sourceLocation: sourceLocation)
    let planner = SetVersionPlanner(repository: repository, platform: platform)
    switch planner.plan(pins, in: environment, explicit: explicit) {
    case .success(let plan): return plan
    case .failure(let list):
      Issue.record(
        "\(RepositoryFixture.lines(list.diagnostics, in: testFiles))",
        sourceLocation: sourceLocation)
      throw list
    }
  }

  func failure(_ pins: [VersionPin], in environment: String) -> [String] {
    let repository = RepositoryFixture.repository([:], base: Self.platform)
    let planner = SetVersionPlanner(
      repository: repository, platform: PlatformParser.parse(repository).platform)
    guard case .failure(let list) = planner.plan(pins, in: environment) else { return [] }
    return RepositoryFixture.lines(list.diagnostics, in: testFiles)
  }

  static let checkout2 = VersionPin(service: "checkout", version: "2.0.0")

  @Test func rewritesTheVersionOfAnOverrideKeepingEveryOtherByte() throws {
    let override = """
      # Pinned by hand.
      version: 1.5.0   # canary
      values: {replicas: 3}

      """
    let plan = try plan(
      ["environments/prod/checkout.yaml": override], pins: [Self.checkout2], in: "prod")
    #expect(plan.changes.map(\.edit) == [.replaced])
    #expect(plan.changes.first?.previous?.value == "1.5.0")
    #expect(plan.createdFiles.isEmpty)
    #expect(
      plan.files == [
        "environments/prod/checkout.yaml": """
        # Pinned by hand.
        version: 2.0.0   # canary
        values: {replicas: 3}

        """
      ])
  }

  @Test func addsTheVersionToAnOverrideWithout() throws {
    let plan = try plan(
      ["environments/prod/checkout.yaml": "values: {replicas: 3}\n"], pins: [Self.checkout2],
      in: "prod")
    #expect(plan.changes.map(\.edit) == [.inserted])
    #expect(plan.changes.first?.previous?.value == "1.4.2")
    let text = try #require(plan.files["environments/prod/checkout.yaml"])
    #expect(text.contains("values: {replicas: 3}"))
    #expect(text.contains("version: 2.0.0"))
  }

  @Test func createsAnOverrideFileWhenTheServiceHasNone() throws {
    let plan = try plan([:], pins: [Self.checkout2], in: "prod")
    #expect(plan.changes.map(\.edit) == [.created])
    #expect(plan.createdFiles == ["environments/prod/checkout.yaml"])
    #expect(plan.files == ["environments/prod/checkout.yaml": "version: 2.0.0\n"])
    #expect(plan.repository.files["environments/prod/checkout.yaml"]?.text == "version: 2.0.0\n")
    #expect(plan.changes.first?.summary == "checkout 1.4.2 -> 2.0.0")
  }

  @Test func editsTheEnvironmentFileWhereTheOverrideLivesThere() throws {
    let environment = """
      inherits: base
      namespace: shop-prod
      services:
        checkout: {version: 1.5.0}

      """
    let plan = try plan(
      ["environments/prod/environment.yaml": environment], pins: [Self.checkout2], in: "prod")
    #expect(plan.changes.map(\.edit) == [.replaced])
    #expect(plan.editedPaths == ["environments/prod/environment.yaml"])
    #expect(plan.files["environments/prod/environment.yaml"]?.contains("version: 2.0.0") == true)
    #expect(plan.createdFiles.isEmpty)
  }

  @Test func aVersionAlreadyInheritedIsLeftAloneUnlessExplicit() throws {
    let pin = VersionPin(service: "checkout", version: "1.4.2")
    let plan = try plan([:], pins: [pin], in: "prod")
    #expect(plan.changes.map(\.edit) == [.unchanged])
    #expect(plan.effectiveChanges.isEmpty)
    #expect(plan.files.isEmpty)

    let pinned = try self.plan([:], pins: [pin], in: "prod", explicit: true)
    #expect(pinned.changes.map(\.edit) == [.created])
    #expect(pinned.files == ["environments/prod/checkout.yaml": "version: 1.4.2\n"])
  }

  @Test func laterStagesThatInheritKeepWhatTheyRunNow() throws {
    let plan = try plan(
      [
        "render.yaml": "promotion: [staging, prod]\n",
        "environments/prod/environment.yaml": "inherits: staging\nnamespace: shop-prod\n",
      ], pins: [Self.checkout2], in: "staging")
    #expect(
      plan.changes.map { "\($0.environment) \($0.summary) \($0.edit)" } == [
        "prod checkout 1.4.2 -> 1.4.2 created", "staging checkout 1.4.2 -> 2.0.0 created",
      ])
    #expect(
      plan.changes.first?.keptBecause == "prod inherits staging and comes after it in 'promotion'")
    #expect(
      plan.files == [
        "environments/prod/checkout.yaml": "version: 1.4.2\n",
        "environments/staging/checkout.yaml": "version: 2.0.0\n",
      ])
    #expect(plan.affectedEnvironments == ["prod", "staging"])
  }

  @Test func pinsInOneRunShareTheFilesTheyEdit() throws {
    let environment = """
      inherits: base
      namespace: shop-prod
      services:
        checkout: {version: 1.5.0}
        catalog: {version: 2.1.0}

      """
    let plan = try plan(
      ["environments/prod/environment.yaml": environment],
      pins: [Self.checkout2, VersionPin(service: "catalog", version: "2.2.0")], in: "prod")
    #expect(plan.changes.map(\.edit) == [.replaced, .replaced])
    let text = try #require(plan.files["environments/prod/environment.yaml"])
    #expect(text.contains("2.0.0") && text.contains("2.2.0"))
  }

  @Test func anAbstractEnvironmentReachesEveryEnvironmentThatInheritsIt() throws {
    let plan = try plan([:], pins: [Self.checkout2], in: "base")
    #expect(plan.affectedEnvironments == ["prod", "staging"])
    #expect(plan.files == ["environments/base/checkout.yaml": "version: 2.0.0\n"])
  }

  @Test func unknownNamesAreFindings() {
    #expect(failure([Self.checkout2], in: "qa") == ["environments:1:1: no environment 'qa'"])
    #expect(
      failure([VersionPin(service: "payments", version: "1.0.0")], in: "prod") == [
        "services:1:1: no service 'payments'"
      ])
  }

  @Test func aFileThatCannotHoldThePinIsAFinding() {
    let repository = RepositoryFixture.repository(
      ["environments/prod/checkout.yaml": "values: {replicas: 3}\n"], base: Self.platform)
    let platform = PlatformParser.parse(repository).platform
    // The override as loaded, but its text since replaced by a list.
    var edited = repository
    edited.files["environments/prod/checkout.yaml"] = SourceFile(
      path: "environments/prod/checkout.yaml", text: "- not a mapping\n")
    let planner = SetVersionPlanner(repository: edited, platform: platform)
    guard case .failure(let list) = planner.plan([Self.checkout2], in: "prod") else {
      Issue.record("planned a pin into a list")
      return
    }
    #expect(list.diagnostics.count == 1)
    #expect(
      list.diagnostics.first?.message.hasPrefix(
        "cannot pin checkout in environments/prod/checkout.yaml") == true)
  }
}
