import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// One example of RFC 7386 (JSON Merge Patch): section 3's and the fifteen of
/// appendix A, from `Tests/Fixtures/conformance/merge-patch/rfc7386-examples.json`.
struct MergePatchExample: Sendable, CustomTestStringConvertible {
  var comment: String
  var original: Node
  var patch: Node
  var result: Node

  var testDescription: String { comment }
}

/// RFC 7386's own examples, run through both places render merges by it: the value
/// layers (`MergePatch`) and `merge:` patches (`StrategicMerge`, which is a JSON merge
/// patch wherever a list has no merge key).
@Suite struct MergePatchConformanceTests {
  static let examples: [MergePatchExample] = (try? load()) ?? []

  static func load() throws -> [MergePatchExample] {
    let file = "conformance/merge-patch/rfc7386-examples.json"
    let list = try JSONParser.parse(
      try PackageRoot.fixtureText(file), file: file, fileNames: testFiles)
    return try (list.sequence ?? []).map { example in
      guard let comment = example["comment"]?.string, let original = example["original"],
        let patch = example["patch"], let result = example["result"]
      else { throw TestFailure("\(file): an example lacks comment, original, patch or result") }
      return MergePatchExample(comment: comment, original: original, patch: patch, result: result)
    }
  }

  @Test func readsEveryExample() {
    #expect(Self.examples.count == 16)
  }

  @Test(arguments: examples)
  func valueLayersMergeAsTheRFCSays(_ example: MergePatchExample) {
    let merged = MergePatch.apply(example.patch, to: example.original)
    #expect(
      merged == example.result,
      "got \(YAMLEmitter.emit(merged))expected \(YAMLEmitter.emit(example.result))")
  }

  /// A strategic merge patch is a mapping merged into a resource, so the examples whose
  /// original and patch are both mappings apply to it too.
  @Test(arguments: examples.filter { $0.original.isMapping && $0.patch.isMapping })
  func mergePatchesMergeAsTheRFCSays(_ example: MergePatchExample) throws {
    let merge = StrategicMerge(strategies: TableMergeStrategies())
    let (merged, diagnostics) = merge.apply(example.patch, to: example.original)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    let body = try #require(merged)
    #expect(
      body == example.result,
      "got \(YAMLEmitter.emit(body))expected \(YAMLEmitter.emit(example.result))")
  }
}
