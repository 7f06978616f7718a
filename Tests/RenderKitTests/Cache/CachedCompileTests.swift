import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// `CompilationCache.compile` on a repository on disk: a warm entry answers only for the
/// exact inputs and options it was compiled from, and answers as a compile would.
@Suite struct CachedCompileTests {
  /// A copy of the `layering` golden fixture in a scratch folder.
  static func scratchRepository() throws -> String {
    let root = try CompilationCacheTests.scratch() + "/repository"
    try FileManager.default.copyItem(
      atPath: GoldenFixtureTests.path(of: "layering"), toPath: root)
    return root
  }

  /// One run's output with its findings as the text a user reads: each run numbers its
  /// files in a table of its own, so the findings of two runs compare as text.
  @dynamicMemberLookup
  struct Run {
    let output: CompiledOutput
    let findings: [String]

    subscript<T>(dynamicMember keyPath: KeyPath<CompiledOutput, T>) -> T {
      output[keyPath: keyPath]
    }
  }

  static func compile(
    _ root: String, environments: [String] = [], store: Bool = true, build: String = "test"
  ) async throws -> Run {
    let loaded = try LoadedRepository.load(root: root, environments: environments)
    let schema = bundledSchema
    let output = await CompilationCache(root: loaded.root).compile(
      loaded, options: loaded.buildOptions(), schema: { schema }, build: build, store: store)
    return Run(
      output: output,
      findings: RepositoryFixture.lines(
        output.compilation.diagnostics, in: loaded.repository.fileNames))
  }

  /// What compiling the repository from scratch gives, without the cache, and its
  /// findings as text.
  static func fresh(
    _ root: String
  ) async throws -> (compilation: CachedCompilation, findings: [String]) {
    let (repository, _) = RepositoryLoader(root: root).load()
    let compilation = CachedCompilation(await Compiler.compile(repository, schema: bundledSchema))
    return (
      compilation, RepositoryFixture.lines(compilation.diagnostics, in: repository.fileNames)
    )
  }

  @Test func aSecondRunIsAnsweredFromTheCacheWithTheSameResult() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let first = try await Self.compile(root)
    #expect(!first.isCached)
    let second = try await Self.compile(root)
    #expect(second.isCached)
    #expect(second.compilation.tree.files == first.compilation.tree.files)
    #expect(second.findings == first.findings)
    #expect(second.compilation.resourceCounts == first.compilation.resourceCounts)
  }

  @Test func anEditedInputIsCompiledAgainNotReadFromTheStaleEntry() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compile(root)
    let path = root + "/environments/prod/environment.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: "replicas: 5", with: "replicas: 7")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let edited = try await Self.compile(root)
    #expect(!edited.isCached)
    let expected = try await Self.fresh(root).compilation
    #expect(edited.compilation.tree.files == expected.tree.files)
    #expect(
      edited.compilation.tree.files.contains {
        String(decoding: $0.contents, as: UTF8.self).contains("replicas: 7")
      })
  }

  @Test func otherOptionsHaveTheirOwnEntry() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let filtered = try await Self.compile(root, environments: ["prod"])
    #expect(!filtered.isCached)
    #expect(!filtered.compilation.tree.files.contains { $0.path.hasPrefix("staging/") })
    #expect(!(try await Self.compile(root).isCached))
    #expect(try await Self.compile(root, environments: ["prod"]).isCached)
    #expect(try await Self.compile(root).isCached)
  }

  @Test func twoBuildsOfRenderKeepAnEntryEachAndNeverShareOne() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(!(try await Self.compile(root, build: "debug").isCached))
    #expect(!(try await Self.compile(root, build: "release").isCached))
    #expect(try await Self.compile(root, build: "debug").isCached)
    #expect(try await Self.compile(root, build: "release").isCached)
    #expect(!(try await Self.compile(root, build: "another").isCached))
  }

  @Test func aRunThatDoesNotStoreLeavesNoEntry() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    _ = try await Self.compile(root, store: false)
    #expect(!(try await Self.compile(root).isCached))
  }

  @Test func aRunWithErrorsIsNeverStored() async throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    try "template: nope\n".write(
      toFile: root + "/services/shop/service.yaml", atomically: true, encoding: .utf8)
    let broken = try await Self.compile(root)
    #expect(broken.compilation.hasErrors)
    let again = try await Self.compile(root)
    #expect(!again.isCached)
    #expect(again.findings == broken.findings)
  }

  @Test func namesAreCheckedWithoutParsingThePlatform() throws {
    let root = try Self.scratchRepository()
    defer { try? FileManager.default.removeItem(atPath: root) }
    func problem(environments: [String] = [], services: [String] = []) -> String? {
      do {
        _ = try LoadedRepository.load(root: root, environments: environments, services: services)
        return nil
      } catch {
        return error.message
      }
    }
    #expect(problem(environments: ["prod"], services: ["shop"]) == nil)
    #expect(
      problem(environments: ["prd"])
        == "no environment 'prd'; did you mean 'prod'? (environments: prod, staging)")
    #expect(
      problem(environments: ["base"])
        == "environment 'base' is abstract: it is only inherited, never rendered")
    #expect(problem(services: ["shap"]) == "no service 'shap'; did you mean 'shop'?")
    #expect(problem(services: ["../shop"]) != nil)
  }
}
