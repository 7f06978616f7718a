import TestSupport
import Testing

@testable import RenderKit

/// The whole pipeline on in-memory repositories: patch order, filters, findings and
/// determinism.
@Suite struct CompilerTests {
  /// Two templates, three services and an abstract `base` with `prod` and `dev` below it.
  ///
  /// Every patch of `checkout` appends its layer's name to the ConfigMap's finalizers, so
  /// the list shows the order patches ran in.
  static let platform: [String: String] = [
    "templates/web/template.yaml": """
    parameters:
      note: {type: string, default: none}
    """,
    "templates/web/configmap.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ${ service.name }
      finalizers: []
    data:
      note: ${ values.note }
      image: '${ service.imageRef ?? "none" }'
    """,
    "templates/account/template.yaml": "parameters: {}\n",
    "templates/account/serviceaccount.yaml": """
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: ${ service.name }
    """,
    "services/checkout/service.yaml": """
    template: web
    image: ghcr.io/acme/checkout
    version: 1.4.2
    patches:
      - target: {kind: ConfigMap}
        json: [{op: add, path: /metadata/finalizers/-, value: acme.example/service}]
    """,
    "services/payments/service.yaml": """
    template: web
    image: ghcr.io/acme/payments
    version: 2.0.0
    """,
    "services/worker/service.yaml": """
    template: account
    """,
    "environments/base/environment.yaml": """
    abstract: true
    labels: {owner: platform}
    patches:
      - target: {kind: ConfigMap, service: checkout}
        json: [{op: add, path: /metadata/finalizers/-, value: acme.example/base}]
    services:
      checkout:
        patches:
          - target: {kind: ConfigMap}
            json: [{op: add, path: /metadata/finalizers/-, value: acme.example/base-override}]
    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop-prod
    patches:
      - target: {kind: ConfigMap, service: checkout}
        json: [{op: add, path: /metadata/finalizers/-, value: acme.example/prod}]
    """,
    "environments/prod/checkout.yaml": """
    version: 1.4.1
    patches:
      - target: {kind: ConfigMap}
        json: [{op: add, path: /metadata/finalizers/-, value: acme.example/prod-override}]
    """,
    "environments/dev/environment.yaml": """
    inherits: base
    namespace: shop-dev
    """,
    "environments/dev/resources/quota.yaml": """
    apiVersion: v1
    kind: ResourceQuota
    metadata:
      name: ${ env.name }-quota
    spec:
      hard: {pods: "10"}
    """,
  ]

  /// Policy rules judge the manifests' contents, not the pipeline: left out here. Two
  /// resources written to one file (`unique`) is the pipeline's own finding: kept.
  static let policyRules = Set(RuleCatalog.all.map(\.id)).subtracting(["unique"])

  static func compile(
    _ files: [String: String?] = [:], options: BuildOptions = BuildOptions()
  ) async throws -> Compilation {
    let repository = RepositoryFixture.repository(files, base: platform)
    return await Compiler.compile(repository, options: options, schema: bundledSchema)
  }

  static func findings(_ compilation: Compilation) -> [String] {
    RepositoryFixture.lines(
      compilation.diagnostics.filter { !policyRules.contains($0.rule) }, in: testFiles)
  }

  static func text(_ compilation: Compilation, _ path: String) -> String? {
    compilation.tree.files.first { $0.path == path }.map {
      String(decoding: $0.contents, as: UTF8.self)
    }
  }

  /// The body of a generated file, without its header.
  static func body(_ compilation: Compilation, _ path: String) -> String? {
    text(compilation, path).map {
      $0.split(separator: "\n", omittingEmptySubsequences: false).drop { $0.hasPrefix("#") }
        .joined(separator: "\n")
    }
  }

  @Test func theTreeHasOneFilePerResourceAndNoAbstractEnvironment() async throws {
    let compilation = try await Self.compile()
    #expect(Self.findings(compilation) == [])
    #expect(
      compilation.tree.files.map(\.path) == [
        "dev/_environment/resourcequota-dev-quota.yaml",
        "dev/checkout/configmap-checkout.yaml",
        "dev/payments/configmap-payments.yaml",
        "dev/worker/serviceaccount-worker.yaml",
        "prod/checkout/configmap-checkout.yaml",
        "prod/payments/configmap-payments.yaml",
        "prod/worker/serviceaccount-worker.yaml",
        "versions.yaml",
      ])
    #expect(compilation.tree.ownedPrefixes.contains(""))
  }

  @Test func patchesRunServiceFirstThenEachEnvironmentRootToLeafWithItsOverride() async throws {
    let compilation = try await Self.compile()
    #expect(
      Self.body(compilation, "prod/checkout/configmap-checkout.yaml") == """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: checkout
          namespace: shop-prod
          finalizers:
          - acme.example/service
          - acme.example/base
          - acme.example/base-override
          - acme.example/prod
          - acme.example/prod-override
          labels:
            owner: platform
            app.kubernetes.io/managed-by: render
        data:
          note: none
          image: ghcr.io/acme/checkout:1.4.1

        """)
    let dev = Self.body(compilation, "dev/checkout/configmap-checkout.yaml") ?? ""
    #expect(
      dev.contains(
        "  finalizers:\n  - acme.example/service\n  - acme.example/base\n  - acme.example/base-override\n  labels:"
      ), "\(dev)")
  }

  @Test func anEnvironmentsOwnResourcesSeeEnvAndGetNamespaceAndLabels() async throws {
    let compilation = try await Self.compile()
    #expect(
      Self.body(compilation, "dev/_environment/resourcequota-dev-quota.yaml") == """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: dev-quota
          namespace: shop-dev
          labels:
            owner: platform
            app.kubernetes.io/managed-by: render
        spec:
          hard:
            pods: "10"

        """)
  }

  @Test func theGeneratedHeaderNamesEveryInputOfTheResource() async throws {
    let compilation = try await Self.compile()
    let text = try #require(Self.text(compilation, "prod/checkout/configmap-checkout.yaml"))
    #expect(
      text.hasPrefix(
        """
        # Generated by render. Do not edit: change the inputs and run `render build`.
        # Source: templates/web/configmap.yaml
        # Inputs: templates/web/template.yaml, services/checkout/service.yaml, environments/base/environment.yaml, environments/prod/environment.yaml, environments/prod/checkout.yaml

        """))
  }

  @Test func versionsCoverEveryEnvironmentAndOmitServicesWithoutAnImage() async throws {
    let compilation = try await Self.compile([
      "environments/dev/payments.yaml": "enabled: false\n"
    ])
    #expect(Self.findings(compilation) == [])
    #expect(
      Self.body(compilation, "versions.yaml") == """
        dev:
          checkout: ghcr.io/acme/checkout:1.4.2
        prod:
          checkout: ghcr.io/acme/checkout:1.4.1
          payments: ghcr.io/acme/payments:2.0.0

        """)
    #expect(!compilation.tree.files.contains { $0.path.hasPrefix("dev/payments/") })
  }

  @Test func anEnvironmentPatchMatchingInOneServiceIsEnough() async throws {
    let compilation = try await Self.compile([
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      patches:
        - target: {kind: ServiceAccount}
          merge: {metadata: {annotations: {team: platform}}}
      """
    ])
    #expect(Self.findings(compilation) == [])
    #expect(
      Self.body(compilation, "prod/worker/serviceaccount-worker.yaml")?.contains(
        "  annotations:\n    team: platform\n") == true)
  }

  @Test func anEnvironmentPatchMatchingNothingInTheWholeEnvironmentIsAnError() async throws {
    let compilation = try await Self.compile([
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      patches:
        - target: {kind: Secret}
          merge: {metadata: {annotations: {team: platform}}}
      """
    ])
    #expect(
      Self.findings(compilation) == [
        "environments/prod/environment.yaml:4:13: patch target {kind: Secret} matches nothing in environment 'prod'"
      ])
    #expect(compilation.hasErrors)
  }

  @Test func anAncestorsPatchMatchingNothingNamesTheAncestor() async throws {
    let compilation = try await Self.compile([
      "environments/base/environment.yaml": """
      abstract: true
      patches:
        - target: {kind: Deployment}
          merge: {spec: {paused: true}}
      """
    ])
    // One finding per environment that inherits the patch: each names its environment.
    #expect(
      Self.findings(compilation) == [
        "environments/base/environment.yaml:3:13: patch target {kind: Deployment} matches nothing in environment 'dev' (patches from 'base')",
        "environments/base/environment.yaml:3:13: patch target {kind: Deployment} matches nothing in environment 'prod' (patches from 'base')",
      ])
  }

  @Test func anOverridesPatchesReachOnlyItsService() async throws {
    // worker has the only ServiceAccount; checkout's override cannot patch it.
    let compilation = try await Self.compile([
      "environments/prod/checkout.yaml": """
      patches:
        - target: {kind: ServiceAccount}
          merge: {metadata: {annotations: {team: platform}}}
      """
    ])
    #expect(
      Self.findings(compilation) == [
        "environments/prod/checkout.yaml:2:13: patch target {kind: ServiceAccount} matches nothing in service 'checkout' in environment 'prod'"
      ])
  }

  @Test(arguments: ["ConfigMap", "ServiceAccount"])
  func anOverridePatchCanDeleteAResourceOfItsService(kind: String) async throws {
    // web2 renders a ConfigMap then a ServiceAccount; deleting either must leave exactly
    // the other, whichever position it had.
    let compilation = try await Self.compile([
      "templates/web/serviceaccount.yaml":
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${ service.name }\n",
      "environments/dev/payments.yaml": """
      patches:
        - target: {kind: \(kind)}
          merge: {$patch: delete}
      """,
    ])
    #expect(Self.findings(compilation) == [])
    let kept = kind == "ConfigMap" ? "serviceaccount-payments.yaml" : "configmap-payments.yaml"
    #expect(
      compilation.tree.files.map(\.path).filter { $0.hasPrefix("dev/payments/") } == [
        "dev/payments/" + kept
      ])
    #expect(compilation.resources["dev"]?.filter { $0.service == "payments" }.count == 1)
    // Other services and environments are untouched.
    #expect(compilation.tree.files.filter { $0.path.hasPrefix("prod/payments/") }.count == 2)
    #expect(compilation.tree.files.filter { $0.path.hasPrefix("dev/checkout/") }.count == 2)
  }

  @Test func theServiceFilterRendersTheWholeEnvironmentButWritesOnlyTheService() async throws {
    let compilation = try await Self.compile(
      [
        // Matches only worker: no error, because worker is still rendered.
        "environments/prod/environment.yaml": """
        inherits: base
        namespace: shop-prod
        patches:
          - target: {kind: ServiceAccount}
            merge: {metadata: {annotations: {team: platform}}}
        """
      ], options: BuildOptions(services: ["checkout"]))
    #expect(Self.findings(compilation) == [])
    #expect(
      compilation.tree.files.map(\.path) == [
        "dev/checkout/configmap-checkout.yaml", "prod/checkout/configmap-checkout.yaml",
        "versions.yaml",
      ])
    // (Reconciler output, under `_argocd/` and `_flux/`, has prefixes of its own.)
    #expect(
      compilation.tree.ownedPrefixes.filter { !$0.hasPrefix("_") } == [
        "dev/checkout/", "prod/checkout/", "versions.yaml",
      ])
    #expect(
      compilation.resources["prod"]?.map(\.displayName).sorted() == [
        "ConfigMap/checkout", "ConfigMap/payments", "ServiceAccount/worker",
      ])
    // The checkout file is the same as in a full render.
    let full = try await Self.compile([
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      patches:
        - target: {kind: ServiceAccount}
          merge: {metadata: {annotations: {team: platform}}}
      """
    ])
    #expect(
      Self.text(compilation, "prod/checkout/configmap-checkout.yaml")
        == Self.text(full, "prod/checkout/configmap-checkout.yaml"))
  }

  @Test func theEnvironmentFilterWritesOnlyThatEnvironment() async throws {
    var options = BuildOptions(environments: ["dev"])
    // What the last full build recorded: prod is not rendered now, so its line stays.
    options.previousVersions = [
      "prod": ["checkout": "ghcr.io/acme/checkout:0.9.0"],
      "dev": ["checkout": "ghcr.io/acme/checkout:0.9.0"],
    ]
    let compilation = try await Self.compile(options: options)
    #expect(Self.findings(compilation) == [])
    #expect(
      compilation.tree.files.map(\.path) == [
        "dev/_environment/resourcequota-dev-quota.yaml", "dev/checkout/configmap-checkout.yaml",
        "dev/payments/configmap-payments.yaml", "dev/worker/serviceaccount-worker.yaml",
        "versions.yaml",
      ])
    #expect(
      compilation.tree.ownedPrefixes.filter { !$0.hasPrefix("_") } == ["dev/", "versions.yaml"])
    #expect(
      Self.body(compilation, "versions.yaml") == """
        dev:
          checkout: ghcr.io/acme/checkout:1.4.2
          payments: ghcr.io/acme/payments:2.0.0
        prod:
          checkout: ghcr.io/acme/checkout:0.9.0

        """)
    #expect(compilation.resources.keys.sorted() == ["dev"])
  }

  @Test func anInputErrorIsAnErrorWhateverTheFilter() async throws {
    let compilation = try await Self.compile(
      ["environments/prod/checkout.yaml": "version: 1.4.1\nvalues: {nte: x}\n"],
      options: BuildOptions(environments: ["dev"]))
    #expect(
      Self.findings(compilation) == [
        "environments/prod/checkout.yaml:2:10: unknown key 'nte' in 'values'; did you mean 'note'?"
      ])
  }

  @Test func aFindingInAFileEveryEnvironmentReadsIsReportedOnce() async throws {
    let compilation = try await Self.compile([
      "services/payments/service.yaml": """
      template: web
      image: ghcr.io/acme/payments
      version: 2.0.0
      values: {nte: x}
      """,
      "services/checkout/service.yaml":
        "template: web\nimage: ghcr.io/acme/checkout:latest\nversion: 1.4.2\n",
    ])
    #expect(
      Self.findings(compilation) == [
        "services/checkout/service.yaml:2:8: image 'ghcr.io/acme/checkout:latest' includes a tag or digest; write the repository only and set 'version'",
        "services/payments/service.yaml:4:10: unknown key 'nte' in 'values'; did you mean 'note'?",
      ])
    #expect(compilation.diagnostics == compilation.diagnostics.sortedForOutput(in: testFiles))
  }

  @Test func theSameRepositoryGivesTheSameBytes() async throws {
    let first = try await Self.compile()
    for _ in 0..<3 {
      let again = try await Self.compile()
      #expect(again.tree.files == first.tree.files)
      #expect(again.diagnostics == first.diagnostics)
    }
  }

  @Test func findingsAreTheSameOnEveryRun() async throws {
    let broken: [String: String?] = [
      "services/payments/service.yaml":
        "template: web\nimage: x\nversion: '!'\nvalues: {a: 1, b: 2}\n",
      "environments/prod/environment.yaml":
        "inherits: base\nnamespace: shop-prod\nservices:\n  nope: {}\n",
    ]
    let first = RepositoryFixture.lines(try await Self.compile(broken).diagnostics, in: testFiles)
    #expect(first.count >= 4, "\(first)")
    for _ in 0..<3 {
      #expect(
        RepositoryFixture.lines(try await Self.compile(broken).diagnostics, in: testFiles) == first)
    }
  }
}
