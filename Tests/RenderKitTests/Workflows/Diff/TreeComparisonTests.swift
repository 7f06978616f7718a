import Testing

@testable import RenderKit

@Suite struct TreeComparisonTests {
  /// A generated file as render writes it, header and checksum included.
  static func generated(_ body: String, source: String = "templates/web/deployment.yaml") -> [UInt8]
  {
    GeneratedHeader.file(source: source, inputs: [], body: body)
  }

  @Test func addedRemovedAndModifiedFilesInPathOrder() {
    let comparison = TreeComparison(
      old: [
        "prod/api/deployment-api.yaml": Self.generated("replicas: 3\n"),
        "prod/old/service-old.yaml": Self.generated("port: 80\n"),
        "dev/api/deployment-api.yaml": Self.generated("replicas: 1\n"),
      ],
      new: [
        "prod/api/deployment-api.yaml": Self.generated("replicas: 4\n"),
        "prod/new/service-new.yaml": Self.generated("port: 81\n"),
        "dev/api/deployment-api.yaml": Self.generated("replicas: 1\n"),
      ],
      folder: "rendered")
    #expect(
      comparison.changes.map(\.path) == [
        "prod/api/deployment-api.yaml", "prod/new/service-new.yaml", "prod/old/service-old.yaml",
      ])
    #expect(comparison.changes.map(\.kind) == [.modified, .added, .removed])
    let modified = comparison.changes[0]
    #expect(modified.addedLines == 1)
    #expect(modified.removedLines == 1)
    #expect(modified.hunks.contains("-replicas: 3\n+replicas: 4\n"))
  }

  @Test func theChecksumLineIsLeftOutOfDiffs() throws {
    let comparison = TreeComparison(
      old: ["a/b/c.yaml": Self.generated("x: 1\ny: 2\n")],
      new: ["a/b/c.yaml": Self.generated("x: 1\ny: 3\n")], folder: "rendered")
    let change = try #require(comparison.changes.first)
    #expect(!change.hunks.contains("Checksum"))
    #expect((change.addedLines, change.removedLines) == (1, 1))
  }

  @Test func aChangeOnlyInTheChecksumLineIsStillShown() throws {
    let original = Self.generated("x: 1\n")
    let text = String(decoding: original, as: UTF8.self)
    let tampered = text.replacingOccurrences(
      of: "# Checksum: sha256:", with: "# Checksum: sha256:0")
    let comparison = TreeComparison(
      old: ["a/b/c.yaml": Array(tampered.utf8)], new: ["a/b/c.yaml": original], folder: "rendered")
    let change = try #require(comparison.changes.first)
    #expect(change.hunks.contains("-# Checksum: sha256:0"))
    #expect((change.addedLines, change.removedLines) == (1, 1))
  }

  @Test func equalTreesAreEmpty() {
    let files = ["versions.yaml": Self.generated("dev: {}\n")]
    #expect(TreeComparison(old: files, new: files, folder: "rendered").isEmpty)
  }

  @Test func addedAndRemovedFilesUseDevNull() {
    let comparison = TreeComparison(
      old: ["prod/old/configmap-old.yaml": Array("a: 1\n".utf8)],
      new: ["prod/new/configmap-new.yaml": Array("b: 2\n".utf8)], folder: "rendered")
    #expect(
      comparison.changes.map { $0.unifiedDiff(folder: comparison.folder) } == [
        "--- /dev/null\n+++ b/rendered/prod/new/configmap-new.yaml\n@@ -0,0 +1,1 @@\n+b: 2\n",
        "--- a/rendered/prod/old/configmap-old.yaml\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a: 1\n",
      ])
  }

  @Test func diskSideKeepsOnlyGeneratedFilesTheRenderOwns() {
    let existing = ExistingTree(
      entries: [
        "prod": .directory,
        "prod/api/deployment-api.yaml": .file(Self.generated("x: 1\n")),
        "prod/README.md": .file(Array("hand-written\n".utf8)),
        "dev/api/deployment-api.yaml": .file(Self.generated("x: 1\n")),
        "prod/.cache/deployment-x.yaml": .file(Self.generated("x: 1\n")),
        "versions.yaml": .file(Self.generated("prod: {}\n")),
      ], exists: true)
    let tree = OutputTree(folder: "rendered", files: [], ownedPrefixes: ["prod/", "versions.yaml"])
    #expect(
      TreeComparison.generatedFiles(in: existing, ownedBy: tree).keys.sorted() == [
        "prod/api/deployment-api.yaml", "versions.yaml",
      ])
  }
}
