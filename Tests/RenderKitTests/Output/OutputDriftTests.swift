import TestSupport
import Testing

@testable import RenderKit

/// Files and trees for the output tests.
enum OutputFixture {
  static func generated(_ body: String, source: String = "templates/web/a.yaml") -> [UInt8] {
    GeneratedHeader.file(source: source, inputs: [], body: body)
  }

  static func file(_ path: String, _ body: String) -> OutputFile {
    OutputFile(path: path, contents: generated(body))
  }

  static func tree(_ files: [OutputFile], owned: [String] = [""]) -> OutputTree {
    OutputTree(folder: "rendered", files: files, ownedPrefixes: owned)
  }

  /// A generated file edited after render wrote it.
  static func handEdited(_ body: String) -> [UInt8] {
    generated(body) + Array("# my fix\n".utf8)
  }
}

@Suite struct OutputDriftTests {
  private let a = OutputFixture.file("prod/web/configmap-a.yaml", "a: 1\n")

  private func diff(
    _ files: [OutputFile], existing: [String: ExistingTree.Entry], owned: [String] = [""]
  ) -> OutputDrift {
    OutputDrift(
      tree: OutputFixture.tree(files, owned: owned),
      existing: ExistingTree(entries: existing, exists: true), fileNames: testFiles)
  }

  @Test func intoAMissingFolderEverythingIsAdded() {
    let result = OutputDrift(
      tree: OutputFixture.tree([a]), existing: ExistingTree(entries: [:], exists: false),
      fileNames: testFiles)
    #expect(result.added == [a])
    #expect(!result.isClean)
    #expect(result.updated.isEmpty && result.stale.isEmpty && result.conflicts.isEmpty)
  }

  @Test func anIdenticalFileIsUnchanged() {
    let result = diff(
      [a], existing: ["prod": .directory, "prod/web": .directory, a.path: .file(a.contents)])
    #expect(result.unchanged == [a.path])
    #expect(result.isClean)
  }

  @Test func aGeneratedFileWithOtherContentIsUpdated() {
    let old = OutputFixture.generated("a: 0\n")
    let result = diff([a], existing: [a.path: .file(old)])
    #expect(result.updated.map(\.path) == [a.path])
    #expect(result.updated.first?.old == old)
    #expect(result.updated.first?.new == a.contents)
    #expect(result.updated.first?.handEdited == false)
    #expect(!result.isClean)
  }

  @Test func aGeneratedFileEditedByHandIsAnUpdateMarkedHandEdited() {
    let result = diff([a], existing: [a.path: .file(OutputFixture.handEdited("a: 1\n"))])
    #expect(result.updated.map(\.handEdited) == [true])
  }

  @Test func aHandWrittenFileWhereRenderWritesIsAConflict() {
    let result = diff([a], existing: [a.path: .file(Array("a: 1\n".utf8))])
    #expect(
      RepositoryFixture.lines(result.conflicts, in: testFiles) == [
        "rendered/prod/web/configmap-a.yaml:1:1: render would overwrite rendered/prod/web/configmap-a.yaml, which it did not generate (the file has no render header)"
      ])
    #expect(result.added.isEmpty && result.updated.isEmpty)
  }

  @Test(arguments: [ExistingTree.Entry.directory, .symlink("../elsewhere.yaml"), .other])
  func somethingThatIsNotAFileWhereRenderWritesIsAConflict(entry: ExistingTree.Entry) {
    let result = diff([a], existing: [a.path: entry])
    #expect(
      RepositoryFixture.lines(result.conflicts, in: testFiles) == [
        "rendered/prod/web/configmap-a.yaml:1:1: cannot write rendered/prod/web/configmap-a.yaml: something that is not a regular file is there"
      ])
  }

  @Test(arguments: [
    ExistingTree.Entry.file(Array("hand written\n".utf8)), .symlink("/tmp"), .other,
  ])
  func somethingThatIsNotAFolderWhereRenderNeedsAFolderIsAConflict(entry: ExistingTree.Entry) {
    let result = diff([a], existing: ["prod": .directory, "prod/web": entry])
    #expect(
      RepositoryFixture.lines(result.conflicts, in: testFiles) == [
        "rendered/prod/web:1:1: cannot write rendered/prod/web/configmap-a.yaml: rendered/prod/web is not a folder (render never writes through links)"
      ])
    #expect(result.added.isEmpty)
  }

  @Test func theFirstBlockingParentIsNamed() {
    var clear: Set<Substring> = []
    #expect(
      OutputDrift.blockingParent(
        of: "prod/web/a.yaml", in: ExistingTree(entries: ["prod": .symlink("x")], exists: true),
        clear: &clear)
        == "prod")
    #expect(
      OutputDrift.blockingParent(
        of: "prod/web/a.yaml",
        in: ExistingTree(entries: ["prod": .directory, "prod/web": .other], exists: true),
        clear: &clear)
        == "prod/web")
    #expect(clear == ["prod"])
    #expect(
      OutputDrift.blockingParent(
        of: "prod/web/a.yaml", in: ExistingTree(entries: ["prod": .directory], exists: true),
        clear: &clear)
        == nil)
    #expect(clear == ["prod", "prod/web"])
  }

  @Test func byteEquality() {
    #expect(OutputDrift.sameBytes([], []))
    #expect(OutputDrift.sameBytes([1, 2, 3], [1, 2, 3]))
    #expect(!OutputDrift.sameBytes([1, 2, 3], [1, 2, 4]))
    #expect(!OutputDrift.sameBytes([1, 2], [1, 2, 3]))
  }

  @Test func generatedFilesNothingRendersAreStale() {
    let result = diff(
      [a],
      existing: [
        a.path: .file(a.contents),
        "prod/web/service-a.yaml": .file(OutputFixture.generated("s\n")),
        "prod/old/deployment-old.yaml": .file(OutputFixture.handEdited("old\n")),
      ])
    #expect(result.stale == ["prod/old/deployment-old.yaml", "prod/web/service-a.yaml"])
    #expect(!result.isClean)
  }

  @Test func handWrittenFilesAreLeftAlone() {
    let result = diff(
      [a],
      existing: [
        a.path: .file(a.contents), "README.md": .file(Array("# rendered\n".utf8)),
        "prod/web/notes.txt": .file([]), "link": .symlink("README.md"),
      ])
    #expect(result.handWritten == ["README.md", "prod/web/notes.txt"])
    #expect(result.stale.isEmpty)
    #expect(result.isClean)
  }

  @Test func hiddenFilesAreNeitherStaleNorHandWritten() {
    let result = diff(
      [a],
      existing: [
        a.path: .file(a.contents), ".gitattributes": .file(Array("* -diff\n".utf8)),
        "prod/.cache/x.yaml": .file(OutputFixture.generated("x\n")),
      ])
    #expect(result.handWritten.isEmpty)
    #expect(result.stale.isEmpty)
  }

  @Test func onlyFilesInTheOwnedPrefixesCanBeStale() {
    let existing: [String: ExistingTree.Entry] = [
      "prod/web/old.yaml": .file(OutputFixture.generated("o\n")),
      "prod/api/old.yaml": .file(OutputFixture.generated("o\n")),
      "prod-eu/web/old.yaml": .file(OutputFixture.generated("o\n")),
      "versions.yaml": .file(OutputFixture.generated("v\n")),
    ]
    #expect(diff([], existing: existing, owned: ["prod/web/"]).stale == ["prod/web/old.yaml"])
    #expect(
      diff([], existing: existing, owned: ["prod/", "versions.yaml"]).stale == [
        "prod/api/old.yaml", "prod/web/old.yaml", "versions.yaml",
      ])
    #expect(diff([], existing: existing, owned: [""]).stale.count == 4)
    // A prefix without a slash owns only that exact path, never `prod-eu/`.
    #expect(diff([], existing: existing, owned: ["prod"]).stale.isEmpty)
  }

  @Test func everyKindOfChangeAtOnce() {
    let b = OutputFixture.file("prod/web/configmap-b.yaml", "b: 2\n")
    let c = OutputFixture.file("prod/web/configmap-c.yaml", "c: 3\n")
    let result = diff(
      [a, b, c],
      existing: [
        a.path: .file(a.contents), b.path: .file(OutputFixture.generated("b: 1\n")),
        "prod/web/configmap-gone.yaml": .file(OutputFixture.generated("x\n")),
        "prod/web/mine.yaml": .file(Array("mine: true\n".utf8)),
      ])
    #expect(result.unchanged == [a.path])
    #expect(result.updated.map(\.path) == [b.path])
    #expect(result.added.map(\.path) == [c.path])
    #expect(result.stale == ["prod/web/configmap-gone.yaml"])
    #expect(result.handWritten == ["prod/web/mine.yaml"])
    #expect(result.conflicts.isEmpty)
  }
}
