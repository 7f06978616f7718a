import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// `CompilationCache.compile` after a few service folders changed: the example platform's
/// version bumps compile only the bumped services, and every result, whichever path
/// gave it, is what a compile from scratch gives, byte for byte and finding for finding.
@Suite struct ChangedServicesCompileTests {
  /// A copy of the example platform at the package root in a scratch folder.
  static func example() throws -> String {
    let root = try CompilationCacheTests.scratch() + "/example"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    for item in ["templates", "services", "environments", "crds", "render.yaml"] {
      try FileManager.default.copyItem(
        atPath: PackageRoot.path + "/" + item, toPath: root + "/" + item)
    }
    return root
  }

  static func edit(_ root: String, _ path: String, _ old: String, _ new: String) throws {
    let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    #expect(text.contains(old), "\(path) has no '\(old)'")
    try write(root, path, text.replacingOccurrences(of: old, with: new))
  }

  /// Writes `text` to `path` in the repository, making its folder if needed.
  static func write(_ root: String, _ path: String, _ text: String) throws {
    let file = URL(fileURLWithPath: root + "/" + path)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: file, atomically: true, encoding: .utf8)
  }

  /// The findings of a compile through the cache, as text.
  static func findings(_ root: String) async throws -> [String] {
    try await CachedCompileTests.compile(root).findings
  }

  /// Compiles through the cache (storing) and checks the result against a compile from
  /// scratch; gives the services compiled alone.
  static func compileAndCompare(_ root: String) async throws -> [String] {
    let run = try await CachedCompileTests.compile(root)
    let fresh = try await CachedCompileTests.fresh(root)
    let files = run.compilation.tree.files
    let expected = fresh.compilation.tree.files
    #expect(files.map(\.path) == expected.map(\.path))
    let differing = zip(files, expected).filter { $0 != $1 }.map(\.0.path)
    #expect(differing.isEmpty, "differ from a compile from scratch: \(differing)")
    #expect(run.compilation.tree.ownedPrefixes == fresh.compilation.tree.ownedPrefixes)
    #expect(run.findings == fresh.findings)
    #expect(run.compilation.resourceCounts == fresh.compilation.resourceCounts)
    return run.recompiledServices
  }

  @Test func aVersionBumpCompilesOnlyThatServiceAndGivesTheColdResult() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(try await Self.compileAndCompare(root) == [])
    // catalog's version reaches its image, its version labels and an env value.
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: 2.7.2")
    #expect(try await Self.compileAndCompare(root) == ["catalog"])
    // The result it stored is the base of the next bump.
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.2", "version: 2.8.0")
    try Self.edit(root, "services/checkout/service.yaml", "version: 1.15.0", "version: 1.16.0")
    #expect(try await Self.compileAndCompare(root) == ["catalog", "checkout"])
    // And the whole entry answers the same inputs again.
    let again = try await CachedCompileTests.compile(root)
    #expect(again.isCached)
  }

  /// Each service of the example, bumped alone: the kinds of resources differ (a
  /// CronJob, a StatefulSet, ConfigMaps with hashed names, PodDisruptionBudgets), and so
  /// does the order their files sort in against the order they render in.
  @Test func everyExampleServiceBumpedAloneCompilesAlone() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    let services = try FileManager.default.contentsOfDirectory(atPath: root + "/services")
      .sorted()
    #expect(services.count == 9)
    for service in services {
      let path = "services/\(service)/service.yaml"
      let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
      let line = try #require(
        text.split(separator: "\n").first { $0.hasPrefix("version: ") }, "\(path)")
      try Self.edit(root, path, String(line), String(line) + "-bumped")
      #expect(try await Self.compileAndCompare(root) == [service], "\(service)")
    }
  }

  /// What `set-version` and `promote` write: a pin in `services:` of an environment, in
  /// an override file, or a new override file with only the version.
  @Test func aVersionPinnedInAnEnvironmentCompilesOnlyThatService() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    try Self.edit(
      root, "environments/staging/environment.yaml", "checkout: {version: 1.14.3}",
      "checkout: {version: 1.14.4}")
    #expect(try await Self.compileAndCompare(root) == ["checkout"])
    try Self.edit(root, "environments/prod/checkout.yaml", "version: 1.14.2", "version: 1.14.4")
    try Self.edit(root, "environments/prod/environment.yaml", "version: 2.7.0", "version: 2.7.1")
    #expect(try await Self.compileAndCompare(root) == ["catalog", "checkout"])
    // An override file that sets only the version, created, then removed.
    try Self.write(root, "environments/prod-eu/cart-expiry.yaml", "version: 1.2.1\n")
    #expect(try await Self.compileAndCompare(root) == ["cart-expiry"])
    try FileManager.default.removeItem(atPath: root + "/environments/prod-eu/cart-expiry.yaml")
    #expect(try await Self.compileAndCompare(root) == ["cart-expiry"])
  }

  @Test func anyOtherEditOfAnEnvironmentIsCompiledInFull() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    // A value beside a pin, a pin of every service (defaults), an override beside a pin.
    try Self.edit(root, "environments/prod/checkout.yaml", "minAvailable: 2", "minAvailable: 1")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.edit(root, "environments/prod/environment.yaml", "version: 2.7.0", "version: 2.7.1")
    try Self.edit(root, "environments/prod/environment.yaml", "cpu: 500m", "cpu: 400m")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.write(
      root, "environments/prod-eu/cart-expiry.yaml",
      "version: 1.2.1\nvalues: {schedule: \"*/5 * * * *\"}\n")
    #expect(try await Self.compileAndCompare(root) == [])
  }

  /// Edits beside a pin that a comparison of values would miss: `2` to `2.0` (a type
  /// error for a full compile), keys reordered in another service's override (merged
  /// values keep the order, so its ConfigMap and checksum change), and an environment's
  /// labels reordered beside a bump of a service that environment does not run.
  @Test func anEditBesideAPinThatOnlyTheLetterShowsIsCompiledInFull() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.edit(
      root, "environments/prod/environment.yaml",
      "      pdb:\n        minAvailable: 2\n  payments:",
      "      pdb:\n        minAvailable: 2\n      config: {ALPHA: a, BETA: b}\n  payments:")
    try Self.edit(
      root, "environments/dev/environment.yaml", "labels:\n  environment: dev",
      "labels:\n  environment: dev\n  tier: nonprod")
    _ = try await Self.compileAndCompare(root)
    try Self.edit(
      root, "environments/prod/environment.yaml", "config: {ALPHA: a, BETA: b}",
      "config: {BETA: b, ALPHA: a}")
    try Self.edit(root, "environments/prod/environment.yaml", "version: 4.1.3", "version: 4.1.4")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.edit(
      root, "environments/dev/environment.yaml", "labels:\n  environment: dev\n  tier: nonprod",
      "labels:\n  tier: nonprod\n  environment: dev")
    try Self.edit(root, "services/nightly-reports/service.yaml", "version: 2.3.0", "version: 2.3.1")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.edit(
      root, "environments/prod/environment.yaml",
      "      pdb:\n        minAvailable: 2\n", "      pdb:\n        minAvailable: 2.0\n")
    try Self.edit(root, "environments/prod/environment.yaml", "version: 4.1.4", "version: 4.1.5")
    #expect(try await Self.compileAndCompare(root) == [])
    let broken = try await Self.findings(root)
    #expect(broken.contains { $0.contains("minAvailable") }, "\(broken)")
  }

  /// A generator in a `.yml` override of another service (in `base`, so every
  /// environment has it), which catalog reads: its hashed name reaches catalog's files,
  /// so the bump compiles catalog with every service it could depend on, and gives the
  /// cold result.
  @Test func aGeneratorInAnotherServicesYmlOverrideIsSeen() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.write(
      root, "environments/base/payments.yml",
      "labels: {app.kubernetes.io/name: payments}\n"
        + "configMapGenerator:\n  - name: shared-flags\n    literals: [A=1]\n")
    try Self.edit(
      root, "services/catalog/service.yaml", "  env:\n    DATABASE_URL:",
      "  env:\n    FLAGS:\n      valueFrom: {configMapKeyRef: {name: shared-flags, key: A}}\n"
        + "    DATABASE_URL:")
    _ = try await Self.compileAndCompare(root)
    let first = try await Self.findings(root)
    #expect(first.isEmpty, "\(first)")
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: 2.7.2")
    #expect(try await Self.compileAndCompare(root) == ["catalog"])
    let loaded = try LoadedRepository.load(root: root)
    #expect(ServiceSlice.renderingDependencies(of: ["catalog"], in: loaded).count == 8)
  }

  @Test func aChangeOtherResourcesCanSeeIsCompiledInFull() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    // A new label, a ConfigMap's data, a resource request: each could change what
    // another service's selector, reference or checksum sees, or a rule finds.
    try Self.edit(
      root, "services/catalog/service.yaml", "team: catalog", "team: catalog\n  tier: gold")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.edit(root, "services/catalog/service.yaml", "CACHE_TTL: 5m", "CACHE_TTL: 10m")
    #expect(try await Self.compileAndCompare(root) == [])
    try Self.edit(root, "services/catalog/service.yaml", "cpu: 150m", "cpu: 200m")
    #expect(try await Self.compileAndCompare(root) == [])
    // A template is outside the service folders: everything compiles.
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: 2.7.2")
    try Self.edit(root, "templates/web/template.yaml", "description:", "# edited\ndescription:")
    #expect(try await Self.compileAndCompare(root) == [])
  }

  @Test func aLabelASelectorNamesIsCompiledInFull() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // A Service of dev's own that selects catalog's pods by their version label: after
    // the bump it selects none, which only the environment's reference check can tell.
    try Self.write(
      root, "environments/dev/resources/service-catalog-pinned.yaml",
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: catalog-pinned
        labels: {app.kubernetes.io/name: catalog-pinned}
      spec:
        selector: {app.kubernetes.io/name: catalog, app.kubernetes.io/version: 2.7.1}
        ports: [{name: http, port: 80, targetPort: http}]
      """)
    let first = try await Self.findings(root)
    #expect(first.isEmpty, "\(first)")
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: 2.7.2")
    #expect(try await Self.compileAndCompare(root) == [])
    let run = try await Self.findings(root)
    #expect(run.contains { $0.contains("catalog-pinned") }, "\(run)")
  }

  @Test func aVersionARuleRejectsIsReportedAsACompileFromScratchReportsIt() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: latest")
    #expect(try await Self.compileAndCompare(root) == [])
    #expect(try await Self.findings(root).contains { $0.contains("the 'latest' tag") })
  }

  @Test func anEarlierCompileWithFindingsIsNotTheBaseOfAnother() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // image-tag as a warning: the stored compile has a finding about catalog.
    try Self.edit(
      root, "environments/base/environment.yaml", "image-tag: error", "image-tag: warning")
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: latest")
    #expect(try await Self.findings(root).contains { $0.contains("the 'latest' tag") })
    // Which findings still hold after checkout's bump is not known without compiling.
    try Self.edit(root, "services/checkout/service.yaml", "version: 1.15.0", "version: 1.16.0")
    #expect(try await Self.compileAndCompare(root) == [])
    // Nor after catalog's own fix.
    try Self.edit(root, "services/catalog/service.yaml", "version: latest", "version: 2.7.1")
    #expect(try await Self.compileAndCompare(root) == [])
  }

  @Test func aServiceAddedOrRemovedIsCompiledInFull() async throws {
    let root = try Self.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compileAndCompare(root)
    try FileManager.default.removeItem(atPath: root + "/services/nightly-reports")
    try Self.edit(root, "services/catalog/service.yaml", "version: 2.7.1", "version: 2.7.2")
    #expect(try await Self.compileAndCompare(root) == [])
  }
}
