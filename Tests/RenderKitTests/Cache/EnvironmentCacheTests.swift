import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// `.render-cache/`'s per-environment entries: after an edit, the environments that do
/// not read the edited file are taken from their entries, and the result is the one a
/// cold compile gives, to the byte.
@Suite struct EnvironmentCacheTests {
  static func edit(_ root: String, _ path: String, _ change: (String) -> String) throws {
    let file = root + "/" + path
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let changed = change(text)
    #expect(changed != text, "\(path) did not change")
    try changed.write(toFile: file, atomically: true, encoding: .utf8)
  }

  /// The run's output equals a cold compile's: files, findings and resource counts.
  static func expectCold(
    _ output: CachedCompileTests.Run, root: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) async throws {
    let (fresh, freshFindings) = try await CachedCompileTests.fresh(root)
    #expect(
      output.compilation.tree.files == fresh.tree.files, sourceLocation: sourceLocation)
    #expect(
      output.compilation.tree.ownedPrefixes == fresh.tree.ownedPrefixes,
      sourceLocation: sourceLocation)
    #expect(
      output.findings == freshFindings, sourceLocation: sourceLocation)
    #expect(
      output.compilation.resourceCounts == fresh.resourceCounts, sourceLocation: sourceLocation)
  }

  @Test func anEditInOneEnvironmentReusesTheOthers() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let first = try await CachedCompileTests.compile(root)
    #expect(first.reusedEnvironments.isEmpty)
    #expect(first.full != nil)
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 5", with: "replicas: 7")
    }
    let edited = try await CachedCompileTests.compile(root)
    #expect(!edited.isCached)
    #expect(edited.reusedEnvironments == ["staging"])
    #expect(edited.full == nil)
    try await Self.expectCold(edited, root: root)
    // The edited environment's entry was stored: the next edit elsewhere reuses it.
    try Self.edit(root, "environments/staging/environment.yaml") {
      $0 + "annotations:\n  team: shop\n"
    }
    let again = try await CachedCompileTests.compile(root)
    #expect(again.reusedEnvironments == ["prod"])
    try await Self.expectCold(again, root: root)
  }

  @Test func anEditInAParentEnvironmentCompilesItsChildren() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    try Self.edit(root, "environments/base/environment.yaml") {
      $0.replacingOccurrences(of: "logLevel: info", with: "logLevel: debug")
    }
    let edited = try await CachedCompileTests.compile(root)
    #expect(edited.reusedEnvironments.isEmpty)
    try await Self.expectCold(edited, root: root)
  }

  @Test func anEditOutsideTheEnvironmentsCompilesEveryEnvironment() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    try Self.edit(root, "services/shop/service.yaml") { $0 + "# a comment\n" }
    let edited = try await CachedCompileTests.compile(root)
    #expect(edited.reusedEnvironments.isEmpty)
    try await Self.expectCold(edited, root: root)
  }

  @Test func damagedEntriesAreIgnoredAndRebuilt() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    let folder = root + "/" + CompilationCache.folder
    let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
    #expect(entries.count == 3, "one for the platform, one per environment: \(entries)")
    for (index, entry) in entries.enumerated() {
      let url = URL(fileURLWithPath: folder + "/" + entry)
      let whole = try Data(contentsOf: url)
      // Cut short, or a byte too many.
      var damaged = whole.prefix(whole.count - 1 - index)
      if index == 0 { damaged = whole + Data([0]) }
      try damaged.write(to: url)
    }
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 5", with: "replicas: 6")
    }
    let edited = try await CachedCompileTests.compile(root)
    #expect(edited.reusedEnvironments.isEmpty)
    try await Self.expectCold(edited, root: root)
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 6", with: "replicas: 7")
    }
    let rebuilt = try await CachedCompileTests.compile(root)
    #expect(rebuilt.reusedEnvironments == ["staging"])
    try await Self.expectCold(rebuilt, root: root)
  }

  @Test func anEntryForOtherInputsIsNeverTrusted() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    // Staging's entry is replaced by one for edited inputs; going back to the first
    // inputs must not take staging from it.
    let path = root + "/environments/staging/environment.yaml"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    try Self.edit(root, "environments/staging/environment.yaml") {
      $0.replacingOccurrences(of: "namespace: shop-staging", with: "namespace: shop-qa")
    }
    _ = try await CachedCompileTests.compile(root)
    try original.write(toFile: path, atomically: true, encoding: .utf8)
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 5", with: "replicas: 9")
    }
    let back = try await CachedCompileTests.compile(root)
    #expect(back.reusedEnvironments.isEmpty)
    try await Self.expectCold(back, root: root)
    #expect(
      back.compilation.tree.files.contains {
        String(decoding: $0.contents, as: UTF8.self).contains("namespace: shop-staging")
      })
  }

  @Test func deletingTheCacheFolderIsSafe() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    try FileManager.default.removeItem(atPath: root + "/" + CompilationCache.folder)
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 5", with: "replicas: 7")
    }
    let cold = try await CachedCompileTests.compile(root)
    #expect(!cold.isCached)
    #expect(cold.reusedEnvironments.isEmpty)
    try await Self.expectCold(cold, root: root)
    #expect(try await CachedCompileTests.compile(root).isCached)
  }

  @Test func aFilteredBuildReusesTheEnvironmentOfAFullOne() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    // With the whole entry for other inputs (staging edited), prod's own entry answers.
    try Self.edit(root, "environments/staging/environment.yaml") { $0 + "\n# edited\n" }
    let filtered = try await CachedCompileTests.compile(root, environments: ["prod"])
    #expect(!filtered.isCached)
    #expect(filtered.reusedEnvironments == ["prod"])
    let loaded = try LoadedRepository.load(root: root, environments: ["prod"])
    let expected = await Compiler.compile(
      loaded.parse().platform, diagnostics: [], options: loaded.buildOptions(),
      schema: bundledSchema)
    #expect(filtered.compilation.tree.files == expected.tree.files)
    #expect(
      filtered.findings
        == RepositoryFixture.lines(expected.diagnostics, in: loaded.repository.fileNames))
  }

  @Test func anEnvironmentWithErrorsIsNotStoredAndTheOthersStillAre() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try Self.edit(root, "environments/staging/environment.yaml") {
      $0 + "patches:\n  - target: {kind: Deployment}\n    merge: {spec: {replicas: many}}\n"
    }
    let broken = try await CachedCompileTests.compile(root)
    #expect(broken.compilation.hasErrors)
    try await Self.expectCold(broken, root: root)
    try Self.edit(root, "environments/prod/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: 5", with: "replicas: 7")
    }
    let stillBroken = try await CachedCompileTests.compile(root)
    #expect(stillBroken.reusedEnvironments.isEmpty)
    try await Self.expectCold(stillBroken, root: root)
    try Self.edit(root, "environments/staging/environment.yaml") {
      $0.replacingOccurrences(of: "replicas: many", with: "replicas: 2")
    }
    let fixed = try await CachedCompileTests.compile(root)
    #expect(fixed.reusedEnvironments == ["prod"])
    #expect(!fixed.compilation.hasErrors)
    try await Self.expectCold(fixed, root: root)
  }

  /// `Compiler.compile(reusing:)` neither resolves nor renders a reused environment, and
  /// still gives the cold result (its versions.yaml row and reconciler objects too).
  @Test func aReusedEnvironmentIsNeitherResolvedNorRendered() async throws {
    let root = try SliceAgreesWithCompileTests.copyOfTheExample()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let (repository, _) = RepositoryLoader(root: root).load()
    let schema = bundledSchema
    let cold = await Compiler.compile(repository, schema: schema)
    let staging = try #require(cold.compiledEnvironments.first { $0.name == "staging" })
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    let warm = await Compiler.compile(
      platform, diagnostics: parseDiagnostics, schema: schema,
      reusing: { $0.name == "staging" ? staging : nil })
    #expect(warm.reused == ["staging"])
    #expect(warm.services["staging"] == nil)
    #expect(warm.resources["staging"] == nil)
    #expect(warm.services["prod"] != nil)
    #expect(warm.tree.files == cold.tree.files)
    #expect(warm.diagnostics == cold.diagnostics)
  }

  /// A finding that compares two services' resources appears, and goes, when only one
  /// of the services changes: no environment is taken from an entry that predates it.
  @Test func aCrossServiceFindingFollowsAChangeToOneService() async throws {
    let root = try CachedCompileTests.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let folder = root + "/services/copy/manifests"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "manifests: manifests/\n".write(
      toFile: root + "/services/copy/service.yaml", atomically: true, encoding: .utf8)
    func configMap(named name: String) throws {
      try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata: {a: b}\n".write(
        toFile: folder + "/configmap.yaml", atomically: true, encoding: .utf8)
    }
    try configMap(named: "copy-settings")
    let clean = try await CachedCompileTests.compile(root)
    #expect(!clean.compilation.hasErrors)
    try configMap(named: "shop-settings")
    let clash = try await CachedCompileTests.compile(root)
    #expect(clash.reusedEnvironments.isEmpty)
    #expect(clash.compilation.diagnostics.filter { $0.rule == .unique }.count == 2)
    try await Self.expectCold(clash, root: root)
    try configMap(named: "copy-settings")
    let fixed = try await CachedCompileTests.compile(root)
    #expect(fixed.isCached)
    #expect(!fixed.compilation.hasErrors)
    try await Self.expectCold(fixed, root: root)
  }

  /// On the example platform (Argo CD and Flux objects, versions.yaml, an environment
  /// inheriting a concrete one): every edit of one environment gives the cold result.
  @Test func theExamplePlatformAfterEachEnvironmentEditIsTheColdResult() async throws {
    let root = try SliceAgreesWithCompileTests.copyOfTheExample()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let environments = try FileManager.default.contentsOfDirectory(
      atPath: root + "/environments"
    ).sorted()
    _ = try await CachedCompileTests.compile(root)
    for environment in environments {
      try Self.edit(root, "environments/\(environment)/environment.yaml") {
        $0 + "\n# edited\n"
      }
      let edited = try await CachedCompileTests.compile(root)
      #expect(!edited.isCached)
      #expect(!edited.reusedEnvironments.contains(environment))
      if environment == "dev" { #expect(edited.reusedEnvironments.contains("prod")) }
      try await Self.expectCold(edited, root: root)
    }
  }
}
