import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// A filtered build (`--env`, `--service`) with no entry of its own takes its result from
/// the whole platform's entry for the same inputs, and that result is what compiling the
/// filtered build gives, file for file, for every filter of the example platform.
@Suite struct FilteredCompilationTests {
  static func filtered(
    _ root: String, environments: [String], services: [String]
  ) async throws -> (cached: CompiledOutput, expected: Compilation, findings: [String]) {
    let loaded = try LoadedRepository.load(
      root: root, environments: environments, services: services)
    let schema = bundledSchema
    let cached = await CompilationCache(root: root).compile(
      loaded, options: loaded.buildOptions(), schema: { schema }, build: "test", store: true)
    await cached.stored()
    let expected = await Compiler.compile(
      loaded.parse().platform, diagnostics: [], options: loaded.buildOptions(), schema: schema)
    return (
      cached, expected,
      RepositoryFixture.lines(cached.compilation.diagnostics, in: loaded.repository.fileNames)
    )
  }

  static func expectSame(
    _ root: String, environments: [String], services: [String], derived: Bool = true
  ) async throws {
    let (cached, expected, findings) = try await filtered(
      root, environments: environments, services: services)
    let label = "--env \(environments) --service \(services)"
    #expect(cached.isCached == derived, "\(label)")
    let files = cached.compilation.tree.files
    #expect(files.map(\.path) == expected.tree.files.map(\.path), "\(label)")
    let differing = zip(files, expected.tree.files).filter { $0 != $1 }.map(\.0.path)
    #expect(differing.isEmpty, "\(label): \(differing)")
    #expect(cached.compilation.tree.ownedPrefixes == expected.tree.ownedPrefixes, "\(label)")
    #expect(findings.isEmpty && expected.diagnostics.isEmpty, "\(label)")
    #expect(
      cached.compilation.resourceCounts
        == Dictionary(
          expected.compiledEnvironments.map { ($0.name, $0.resourceCount) },
          uniquingKeysWith: { first, _ in first }), "\(label)")
  }

  /// Every environment, every service, and every service in every environment.
  @Test func everyFilterOfTheExampleIsWhatCompilingItGives() async throws {
    let root = try ChangedServicesCompileTests.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    // With the committed rendered/: a filtered build keeps its versions.yaml rows.
    try FileManager.default.copyItem(
      atPath: PackageRoot.path + "/rendered", toPath: root + "/rendered")
    _ = try await CachedCompileTests.compile(root)
    let services = try FileManager.default.contentsOfDirectory(atPath: root + "/services").sorted()
    let concrete = try await CachedCompileTests.compile(root).compilation.resourceCounts.keys
      .sorted()
    #expect(concrete.count >= 4)
    for environment in concrete {
      try await Self.expectSame(root, environments: [environment], services: [])
      for service in services {
        try await Self.expectSame(root, environments: [environment], services: [service])
      }
    }
    for service in services {
      try await Self.expectSame(root, environments: [], services: [service])
    }
  }

  @Test func aStaleVersionsFileIsMergedAsACompileMergesIt() async throws {
    let root = try ChangedServicesCompileTests.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try FileManager.default.copyItem(
      atPath: PackageRoot.path + "/rendered", toPath: root + "/rendered")
    try ChangedServicesCompileTests.edit(
      root, "rendered/versions.yaml", "catalog:2.7.1", "catalog:0.0.1")
    _ = try await CachedCompileTests.compile(root)
    try await Self.expectSame(root, environments: ["staging"], services: ["checkout"])
    try await Self.expectSame(root, environments: ["staging"], services: [])
  }

  @Test func aWholeEntryForOtherInputsOrWithFindingsIsNotUsed() async throws {
    let root = try ChangedServicesCompileTests.example()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await CachedCompileTests.compile(root)
    try ChangedServicesCompileTests.edit(
      root, "services/catalog/service.yaml", "cpu: 150m", "cpu: 200m")
    try await Self.expectSame(root, environments: ["prod"], services: ["catalog"], derived: false)
    // A whole compile with a finding: the filtered build compiles, findings and all.
    try ChangedServicesCompileTests.edit(
      root, "environments/base/environment.yaml", "image-tag: error", "image-tag: warning")
    try ChangedServicesCompileTests.edit(
      root, "services/catalog/service.yaml", "version: 2.7.1", "version: latest")
    let whole = try await CachedCompileTests.compile(root)
    #expect(!whole.findings.isEmpty)
    let (cached, _, findings) = try await Self.filtered(
      root, environments: ["dev"], services: ["catalog"])
    #expect(!cached.isCached)
    #expect(!findings.isEmpty)
  }
}
