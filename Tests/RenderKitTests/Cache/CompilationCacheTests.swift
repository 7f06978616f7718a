import Foundation
import TestSupport
import Testing
import YAML

@testable import RenderKit

/// The cache of compiled results: what it keys on, and that it never hands back an entry
/// for other inputs or one that does not read back whole.
@Suite struct CompilationCacheTests {
  static func repository(_ files: [String: String]) -> Repository {
    Repository(
      root: "/repo",
      files: Dictionary(
        uniqueKeysWithValues: files.map { ($0.key, SourceFile(path: $0.key, text: $0.value)) }),
      directories: ["services", "services/api"])
  }

  static let inputs = ["services/api/service.yaml": "template: web\nversion: 1.0.0\n"]

  static let compiled = CachedCompilation(
    tree: OutputTree(
      folder: "rendered",
      files: [
        OutputFile(
          path: "prod/api/deployment-api.yaml", contents: Array("kind: Deployment\n".utf8)),
        OutputFile(path: "versions.yaml", contents: Array("prod: {}\n".utf8)),
      ],
      ownedPrefixes: ["prod/", "versions.yaml"], foreignPrefixes: ["_flux/prod/flux-system/"]),
    diagnostics: [
      Diagnostic(
        .warning, rule: "probes", "no readiness probe",
        at: SourceLocation(file: "services/api/service.yaml", line: 2, column: 3),
        related: [
          .init("rendered here", at: .start(of: "rendered/prod/api/deployment-api.yaml")),
          .init("no place"),
        ],
        help: "add one"),
      Diagnostic(.note, rule: "note", "generated", at: .generated),
    ],
    resourceCounts: ["prod": 2, "dev": 1])

  static func scratch() throws -> String {
    try TemporaryFolder.make(prefix: "render-cache")
  }

  @Test func storedEntryReadsBackWhole() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let cache = CompilationCache(root: root)
    let options = BuildOptions()
    let key = CompilationCache.key(
      repository: Self.repository(Self.inputs), options: options, output: "rendered", build: "test")
    cache.store(Self.compiled, key: key, options: options, output: "rendered")
    let found = try #require(cache.lookup(key: key, options: options, output: "rendered"))
    #expect(found.tree.files == Self.compiled.tree.files)
    #expect(found.tree.folder == "rendered")
    #expect(found.tree.ownedPrefixes == Self.compiled.tree.ownedPrefixes)
    #expect(found.tree.foreignPrefixes == Self.compiled.tree.foreignPrefixes)
    #expect(found.diagnostics == Self.compiled.diagnostics)
    #expect(found.resourceCounts == Self.compiled.resourceCounts)
    // Written by rename: no temporary file is left beside the entry.
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/.render-cache").count == 1)
  }

  @Test func entryForOtherInputsIsNotTrusted() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let cache = CompilationCache(root: root)
    let options = BuildOptions()
    let key = CompilationCache.key(
      repository: Self.repository(Self.inputs), options: options, output: "rendered", build: "test")
    cache.store(Self.compiled, key: key, options: options, output: "rendered")
    let edited = CompilationCache.key(
      repository: Self.repository(["services/api/service.yaml": "template: web\nversion: 1.0.1\n"]),
      options: options, output: "rendered", build: "test")
    #expect(edited != key)
    #expect(cache.lookup(key: edited, options: options, output: "rendered") == nil)
  }

  @Test func keyCoversEverythingTheCompileReads() {
    let base = CompilationCache.key(
      repository: Self.repository(Self.inputs), options: BuildOptions(), output: "rendered",
      build: "test")
    var strict = BuildOptions()
    strict.strict = true
    var previous = BuildOptions(environments: ["prod"])
    previous.previousVersions = ["dev": ["api": "1.0.0"]]
    var otherPrevious = previous
    otherPrevious.previousVersions = ["dev": ["api": "1.0.1"]]
    var renamed = Self.inputs
    renamed["services/web/service.yaml"] = renamed.removeValue(forKey: "services/api/service.yaml")
    var moreDirectories = Self.repository(Self.inputs)
    moreDirectories.directories.insert("environments")
    let keys = [
      base,
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: strict, output: "rendered", build: "test"
      ),
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: BuildOptions(services: ["api"]),
        output: "rendered", build: "test"),
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: previous, output: "rendered",
        build: "test"),
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: otherPrevious, output: "rendered",
        build: "test"),
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: BuildOptions(), output: "out",
        build: "test"),
      CompilationCache.key(
        repository: Self.repository(renamed), options: BuildOptions(), output: "rendered",
        build: "test"),
      CompilationCache.key(
        repository: moreDirectories, options: BuildOptions(), output: "rendered", build: "test"),
      // Another build of render (same version, other code) never reads this one's entries.
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: BuildOptions(), output: "rendered",
        build: "rebuilt"),
    ]
    #expect(Set(keys).count == keys.count)
    // The same inputs give the same key, whatever order the loader found them in.
    #expect(
      CompilationCache.key(
        repository: Self.repository(Self.inputs), options: BuildOptions(), output: "rendered",
        build: "test") == base)
  }

  @Test func damagedEntryIsIgnored() throws {
    let root = try Self.scratch()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let cache = CompilationCache(root: root)
    let options = BuildOptions()
    let key = CompilationCache.key(
      repository: Self.repository(Self.inputs), options: options, output: "rendered", build: "test")
    cache.store(Self.compiled, key: key, options: options, output: "rendered")
    let folder = root + "/.render-cache"
    let entry = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder)[0])
    let whole = try Data(contentsOf: URL(fileURLWithPath: entry))
    for cut in [1, 9, whole.count / 2, whole.count - 1] {
      try whole.prefix(cut).write(to: URL(fileURLWithPath: entry))
      #expect(cache.lookup(key: key, options: options, output: "rendered") == nil, "cut at \(cut)")
    }
    try (whole + Data([0])).write(to: URL(fileURLWithPath: entry))
    #expect(cache.lookup(key: key, options: options, output: "rendered") == nil)
  }
}
