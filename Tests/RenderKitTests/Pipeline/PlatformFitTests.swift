import TestSupport
import Testing

@testable import RenderKit

/// What porting a multi-service application needed (issue 9): services that are off by
/// default, templates with extra manifests, optional patches, environment annotations and
/// release-wide image settings. Runs the whole pipeline on `CompilerTests.platform`.
@Suite struct PlatformFitTests {
  private func compile(_ files: [String: String?]) async throws -> Compilation {
    try await CompilerTests.compile(files)
  }

  private func paths(_ compilation: Compilation, under prefix: String) -> [String] {
    compilation.tree.files.map(\.path).filter { $0.hasPrefix(prefix) }.sorted()
  }

  // MARK: enabled in service.yaml

  @Test func aServiceOffByDefaultRendersOnlyWhereAnEnvironmentSwitchesItOn() async throws {
    let compilation = try await compile([
      "services/payments/service.yaml": """
      template: web
      image: ghcr.io/acme/payments
      enabled: false
      """,
      "environments/prod/payments.yaml": "enabled: true\nversion: 2.0.0\n",
    ])
    #expect(CompilerTests.findings(compilation) == [])
    #expect(paths(compilation, under: "dev/payments/").isEmpty)
    #expect(
      paths(compilation, under: "prod/payments/") == ["prod/payments/configmap-payments.yaml"])
    let versions = CompilerTests.body(compilation, "versions.yaml") ?? ""
    #expect(versions.contains("payments: ghcr.io/acme/payments:2.0.0"))
    #expect(!versions.contains("dev:\n  checkout: ghcr.io/acme/checkout:1.4.2\n  payments"))
  }

  @Test func enabledInServiceYAMLMustBeABoolean() async throws {
    let compilation = try await compile([
      "services/payments/service.yaml": """
      template: web
      image: ghcr.io/acme/payments
      version: 2.0.0
      enabled: nope
      """
    ])
    #expect(
      CompilerTests.findings(compilation) == [
        "services/payments/service.yaml:4:10: 'enabled' in services/payments/service.yaml must be true or false, not a string (\"nope\")"
      ])
  }

  // MARK: a template with extra manifests

  @Test func aTemplatedServiceRendersItsExtraManifestsToo() async throws {
    let compilation = try await compile([
      "services/payments/service.yaml": """
      template: web
      image: ghcr.io/acme/payments
      version: 2.0.0
      manifests: extra/
      """,
      "services/payments/extra/policy.yaml": """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: payments}
      spec:
        podSelector: {matchLabels: {app: payments}}
        policyTypes: [Ingress]
      """,
    ])
    #expect(CompilerTests.findings(compilation) == [])
    #expect(
      paths(compilation, under: "prod/payments/") == [
        "prod/payments/configmap-payments.yaml", "prod/payments/networkpolicy-payments.yaml",
      ])
    let policy = CompilerTests.body(compilation, "prod/payments/networkpolicy-payments.yaml") ?? ""
    #expect(policy.contains("namespace: shop-prod"))
    #expect(policy.contains("app.kubernetes.io/managed-by: render"))
  }

  @Test func extraManifestsInAMissingFolderAreReportedAtTheKey() async throws {
    let compilation = try await compile([
      "services/payments/service.yaml": """
      template: web
      image: ghcr.io/acme/payments
      version: 2.0.0
      manifests: extra/
      """
    ])
    #expect(
      CompilerTests.findings(compilation) == [
        "services/payments/service.yaml:4:12: manifest folder 'services/payments/extra' does not exist"
      ])
  }

  // MARK: optional patches

  @Test func anOptionalPatchMayMatchNothing() async throws {
    let environment = """
      inherits: base
      namespace: shop-prod
      patches:
        - target: {kind: Ingress}
          optional: true
          merge: {metadata: {annotations: {a: b}}}
      """
    let compilation = try await compile(["environments/prod/environment.yaml": environment])
    #expect(CompilerTests.findings(compilation) == [])
    let strict = try await compile([
      "environments/prod/environment.yaml": environment.replacingOccurrences(
        of: "optional: true", with: "optional: false")
    ])
    #expect(
      CompilerTests.findings(strict) == [
        "environments/prod/environment.yaml:4:13: patch target {kind: Ingress} matches nothing in environment 'prod'"
      ])
  }

  @Test func optionalMustBeABoolean() async throws {
    let compilation = try await compile([
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      patches:
        - target: {kind: Ingress}
          optional: 'yes'
          merge: {metadata: {annotations: {a: b}}}
      """
    ])
    #expect(
      CompilerTests.findings(compilation).first?.hasPrefix(
        "environments/prod/environment.yaml:5:15: 'optional' in a patch in environments/prod/environment.yaml must be true or false"
      ) == true,
      "\(CompilerTests.findings(compilation))")
  }

  // MARK: annotations

  @Test func annotationsLayerLikeLabels() async throws {
    let compilation = try await compile([
      "environments/base/environment.yaml": """
      abstract: true
      annotations: {team: platform, tier: shared, doomed: yes}
      defaults:
        annotations: {tier: base-default}
      """,
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      annotations: {doomed: null}
      """,
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: 1.4.2
      annotations: {team: payments, owner: alice}
      """,
      "environments/prod/checkout.yaml": "version: 1.4.1\nannotations: {owner: bob}\n",
      "environments/prod/resources/quota.yaml": """
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: quota}
      spec: {hard: {pods: "10"}}
      """,
    ])
    #expect(CompilerTests.findings(compilation) == [])
    let configMap = CompilerTests.body(compilation, "prod/checkout/configmap-checkout.yaml") ?? ""
    #expect(
      configMap.contains(
        "  annotations:\n    team: payments\n    tier: base-default\n    owner: bob\n"),
      "\(configMap)")
    let quota = CompilerTests.body(compilation, "prod/_environment/resourcequota-quota.yaml") ?? ""
    #expect(quota.contains("  annotations:\n    team: platform\n    tier: shared\n"), "\(quota)")
  }
}

/// Release-wide image settings: `defaults.registry` and `defaults.version`.
@Suite struct ReleaseImageTests {
  @Test func oneReleaseTagAndRegistryForEveryTemplatedService() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": "template: web\nimage: checkout\nversion: 1.0.0\n",
      "environments/base/environment.yaml": """
      abstract: true
      namespace: shop
      defaults: {registry: ghcr.io/acme, version: 1.5.0}
      """,
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      defaults: {version: 1.6.0}
      """,
    ])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "ghcr.io/acme/checkout:1.6.0")
    #expect(
      result.service.version?.location
        == testFiles.location("environments/prod/environment.yaml", line: 3, column: 21))
  }

  @Test func perServiceOverridesAndFullImagesWin() throws {
    let result = try ResolveFixture.resolve([
      "environments/base/environment.yaml": """
      abstract: true
      namespace: shop
      defaults: {registry: registry.local, version: 1.5.0}
      services:
        checkout: {version: 0.9.0}
      """
    ])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "ghcr.io/acme/checkout:0.9.0")
  }

  @Test func vendoredManifestsKeepTheirOwnImages() throws {
    let result = try ResolveFixture.resolve(
      [
        "services/redis/service.yaml": "manifests: files/\nimage: redis\nversion: 7.2.4\n",
        "services/redis/files/a.yaml": "apiVersion: v1\nkind: Pod\nmetadata: {name: r}\n",
        "environments/prod/environment.yaml": """
        inherits: base
        namespace: shop-prod
        defaults: {registry: ghcr.io/acme, version: 1.6.0}
        """,
      ], service: "redis")
    #expect(result.service.imageRef == "redis:7.2.4")
  }

  @Test(arguments: [
    (
      "registry: 'ghcr.io/acme/'",
      "1:22: registry 'ghcr.io/acme/' in environments/prod/environment.yaml is not an image registry (write it like ghcr.io/acme)"
    ),
    ("version: 'v1 beta'", "1:21: version 'v1 beta' is neither an image tag nor a sha256 digest"),
  ])
  func badReleaseSettingsAreReportedWhereWritten(setting: String, finding: String) {
    let (_, diagnostics) = RepositoryFixture.parse(
      ["environments/prod/environment.yaml": "defaults: {\(setting)}\n"],
      base: ResolveFixture.platform)
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "environments/prod/environment.yaml:\(finding)"
      ])
  }
}

/// `render explain` of values removed by an explicit `null`: the removed key is reported,
/// at the null, and its parent is not called removed.
@Suite struct ExplainRemovalTests {
  @Test func aKeyRemovedByNullPointsAtTheNull() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  env: {LOG_LEVEL: null}\n"
    ])
    let report = ExplainReport.values(result.service, fileNames: testFiles)
    #expect(!report.contains("values.env = (removed)"), "\(report)")
    #expect(report.contains("values.env.LOG_LEVEL = (removed)"), "\(report)")
    #expect(report.contains("environments/prod/checkout.yaml:2:"), "\(report)")
  }
}

/// Values for vendored manifests (issue 9, item 9): `replicas` in an override of a
/// `manifests:` service, without a patch; still unknown for a templated service.
@Suite struct VendoredValuesTests {

  static let vendored: [String: String?] = [
    "services/search/service.yaml": "manifests: manifests/\n",
    "services/search/manifests/deployment.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: search}
    spec:
      replicas: 1
      selector: {matchLabels: {app: search}}
      template:
        metadata: {labels: {app: search}}
        spec:
          containers: [{name: search, image: "ghcr.io/acme/search:1.0.0"}]
    """,
  ]

  @Test func anOverrideOfVendoredManifestsSetsReplicasWithoutAPatch() async throws {
    var files = Self.vendored
    files["environments/base/search.yaml"] = "replicas: 2\n"
    files["environments/prod/search.yaml"] = "replicas: 5\nnamespace: search\n"
    let compilation = try await CompilerTests.compile(files)
    #expect(CompilerTests.findings(compilation) == [])
    let prod = CompilerTests.body(compilation, "prod/search/deployment-search.yaml") ?? ""
    #expect(prod.contains("replicas: 5"))
    #expect(prod.contains("namespace: search"))
    let dev = CompilerTests.body(compilation, "dev/search/deployment-search.yaml") ?? ""
    #expect(dev.contains("replicas: 2"))
    // The replicas came from base's override: the header names it among the inputs.
    let header = CompilerTests.text(compilation, "dev/search/deployment-search.yaml") ?? ""
    #expect(header.contains("# Inputs: ") && header.contains("environments/base/search.yaml"))
  }

  @Test func replicasMustScaleSomethingAndBeANumber() async throws {
    var files = Self.vendored
    files["services/search/manifests/deployment.yaml"] = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: search}
      """
    files["environments/prod/search.yaml"] = "replicas: 3\n"
    files["environments/dev/search.yaml"] = "replicas: many\n"
    let compilation = try await CompilerTests.compile(files)
    #expect(
      CompilerTests.findings(compilation) == [
        "environments/dev/search.yaml:1:11: 'replicas' in environments/dev/search.yaml must be a whole number of at least 0, not a string (\"many\")",
        "environments/prod/search.yaml:1:11: 'replicas' for service 'search' scales nothing: its manifests have no Deployment, StatefulSet or ReplicaSet",
      ])
  }

  @Test func replicasStaysUnknownInTheOverrideOfATemplatedService() async throws {
    let compilation = try await CompilerTests.compile([
      "environments/prod/payments.yaml": "replicas: 3\n"
    ])
    #expect(
      CompilerTests.findings(compilation) == [
        "environments/prod/payments.yaml:1:1: unknown key 'replicas' in environments/prod/payments.yaml"
      ])
    #expect(
      compilation.diagnostics.first?.help
        == "a templated service sets it as a value of its template: values: {replicas: N}")
  }
}
