import TestSupport
import Testing

@testable import RenderKit

/// JSON Merge Patch (RFC 7386), the rule every layer merges by.
@Suite struct MergePatchTests {
  private func merge(_ target: String, _ patch: String) throws -> Node {
    MergePatch.apply(
      try RepositoryFixture.node(patch, file: "patch.yaml"),
      to: try RepositoryFixture.node(target, file: "target.yaml"))
  }

  // RFC 7386's own examples run from a fixture: MergePatchConformanceTests.

  @Test func keysKeepTheTargetsOrderAndNewKeysAppend() throws {
    let result = try merge("{c: 1, a: 1, b: 1}", "{d: 2, a: 2}")
    #expect(result.mapping?.map(\.key) == ["c", "a", "b", "d"])
  }

  @Test func everyValueKeepsTheLocationOfTheLayerThatSetIt() throws {
    let result = try merge("a: 1\nm:\n  x: 1\n  y: 1\n", "m:\n  y: 2\n")
    #expect(result["a"]?.location == testFiles.location("target.yaml", line: 1, column: 4))
    #expect(result["m"]?["x"]?.location == testFiles.location("target.yaml", line: 3, column: 6))
    #expect(result["m"]?["y"]?.location == testFiles.location("patch.yaml", line: 2, column: 6))
    #expect(result["m"]?.location.testPath == "target.yaml")
  }

  @Test func nullsInsideANewValueAreDroppedToo() throws {
    // A key the target lacks is added with the patch's own nulls removed.
    #expect(YAMLEmitter.emit(try merge("{}", "{a: {b: null, c: 1}}")) == "a:\n  c: 1\n")
  }
}
