import Foundation
import TestSupport
import Testing

@testable import RenderKit

@Suite struct TreeWriterTests {
  /// Renders `files` into `folder/rendered` the way `render build` does.
  @discardableResult
  private func build(_ files: [OutputFile], in folder: TemporaryFolder) throws -> OutputDrift {
    let writer = TreeWriter(outputPath: folder.path + "/rendered")
    try writer.recover()
    let existing = try ExistingTree.scan(writer.outputPath)
    let diff = OutputDrift(
      tree: OutputFixture.tree(files), existing: existing, fileNames: testFiles)
    #expect(diff.conflicts.isEmpty, "\(RepositoryFixture.lines(diff.conflicts, in: testFiles))")
    try writer.write(diff, existing: existing)
    return diff
  }

  private let a = OutputFixture.file("prod/web/configmap-a.yaml", "a: 1\n")
  private let b = OutputFixture.file("prod/web/configmap-b.yaml", "b: 1\n")
  private let c = OutputFixture.file("dev/api/configmap-c.yaml", "c: 1\n")

  @Test func theFirstBuildWritesEveryFile() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    #expect(folder.read("rendered/" + a.path) == a.contents)
    #expect(folder.read("rendered/" + c.path) == c.contents)
    #expect(
      try folder.listing("rendered") == [
        "dev", "dev/api", "dev/api/configmap-c.yaml", "prod", "prod/web",
        "prod/web/configmap-a.yaml", "prod/web/configmap-b.yaml",
      ])
    // Nothing is left beside the output folder.
    #expect(try FileSystem.list(folder.path) == ["rendered"])
  }

  @Test func unchangedFilesKeepTheirInodeAndModificationTime() throws {
    let folder = try TemporaryFolder()
    try build([a, b], in: folder)
    let past = Date(timeIntervalSince1970: 1_000_000_000)
    try folder.setModificationDate("rendered/" + a.path, past)
    let inode = try folder.inode("rendered/" + a.path)

    let newB = OutputFixture.file(b.path, "b: 2\n")
    let diff = try build([a, newB], in: folder)
    #expect(diff.unchanged == [a.path])
    #expect(diff.updated.map(\.path) == [b.path])
    #expect(try folder.inode("rendered/" + a.path) == inode)
    #expect(try folder.modificationDate("rendered/" + a.path) == past)
    #expect(folder.read("rendered/" + b.path) == newB.contents)
  }

  @Test func aCleanBuildTouchesNothing() throws {
    let folder = try TemporaryFolder()
    try build([a], in: folder)
    let inode = try folder.inode("rendered")
    let diff = try build([a], in: folder)
    #expect(diff.isClean)
    #expect(try folder.inode("rendered") == inode)
  }

  @Test func staleFilesAndTheFoldersTheyEmptiedAreRemoved() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    try folder.makeFolder("rendered/kept-empty")
    try build([a], in: folder)
    #expect(
      try folder.listing("rendered") == [
        "kept-empty", "prod", "prod/web", "prod/web/configmap-a.yaml",
      ])
  }

  @Test func handWrittenFilesAndHiddenFilesAreKept() throws {
    let folder = try TemporaryFolder()
    try build([a, b], in: folder)
    try folder.write("rendered/README.md", "# Do not edit\n")
    try folder.write("rendered/prod/web/notes.txt", "mine\n")
    try folder.write("rendered/.gitattributes", "* linguist-generated\n")
    try build([a], in: folder)
    #expect(folder.read("rendered/README.md") == Array("# Do not edit\n".utf8))
    #expect(folder.read("rendered/prod/web/notes.txt") == Array("mine\n".utf8))
    #expect(folder.read("rendered/.gitattributes") == Array("* linguist-generated\n".utf8))
    #expect(folder.type("rendered/" + b.path) == nil)
  }

  @Test func symlinksAreKeptAsLinksAndNeverFollowed() throws {
    let folder = try TemporaryFolder()
    // Outside the output folder: a generated-looking file and a folder of them.
    let outside = OutputFixture.generated("outside: 1\n")
    try folder.write("outside/file.yaml", outside)
    try folder.write("outside/dir/stale-looking.yaml", outside)
    try build([a, b], in: folder)
    try folder.symlink("rendered/prod/link.yaml", to: "../../outside/file.yaml")
    try folder.symlink("rendered/prod/dir", to: "../../outside/dir")

    let diff = try build([a], in: folder)
    #expect(diff.stale == [b.path])
    #expect(folder.type("rendered/prod/link.yaml") == .symlink)
    #expect(
      try FileSystem.readSymlink(folder.path + "/rendered/prod/link.yaml")
        == "../../outside/file.yaml")
    #expect(folder.type("rendered/prod/dir") == .symlink)
    #expect(folder.read("outside/file.yaml") == outside)
    #expect(folder.read("outside/dir/stale-looking.yaml") == outside)
  }

  @Test func anOutputFolderThatIsASymlinkIsRefused() throws {
    let folder = try TemporaryFolder()
    try folder.makeFolder("real")
    try folder.symlink("rendered", to: "real")
    #expect(throws: FileSystem.Error.self) {
      try ExistingTree.scan(folder.path + "/rendered")
    }
  }

  @Test func recoveryPutsBackARetiredTreeWhoseReplacementNeverArrived() throws {
    let folder = try TemporaryFolder()
    try folder.write(".render-old-rendered/prod/web/configmap-a.yaml", a.contents)
    try folder.write(".render-staging-rendered/prod/web/half.yaml", "half")
    try TreeWriter(outputPath: folder.path + "/rendered").recover()
    #expect(try FileSystem.list(folder.path) == ["rendered"])
    #expect(folder.read("rendered/" + a.path) == a.contents)
  }

  @Test func recoveryRemovesARetiredTreeWhenTheNewOneIsInPlace() throws {
    let folder = try TemporaryFolder()
    try folder.write("rendered/" + a.path, a.contents)
    try folder.write(".render-old-rendered/" + a.path, OutputFixture.generated("old\n"))
    try TreeWriter(outputPath: folder.path + "/rendered").recover()
    #expect(try FileSystem.list(folder.path) == ["rendered"])
    #expect(folder.read("rendered/" + a.path) == a.contents)
  }

  @Test func aBuildAfterAnInterruptedOneSeesOnlyTheOldTree() throws {
    let folder = try TemporaryFolder()
    try build([a, b], in: folder)
    // A killed run left a half-built staging folder with a file that must not leak in.
    try folder.write(
      ".render-staging-rendered/prod/web/configmap-x.yaml", OutputFixture.generated("x\n"))
    let diff = try build([a, b, c], in: folder)
    #expect(diff.added.map(\.path) == [c.path])
    #expect(folder.type("rendered/prod/web/configmap-x.yaml") == nil)
    #expect(try FileSystem.list(folder.path) == ["rendered"])
  }

  @Test func scanningReadsFilesAndLinksWithoutFollowing() throws {
    let folder = try TemporaryFolder()
    try folder.write("out/a/b.yaml", "b\n")
    try folder.write("target/c.yaml", "c\n")
    try folder.symlink("out/link", to: "../target")
    let tree = try ExistingTree.scan(folder.path + "/out")
    #expect(tree.exists)
    #expect(
      tree.entries == [
        "a": .directory, "a/b.yaml": .file(Array("b\n".utf8)), "link": .symlink("../target"),
      ])
    let missing = try ExistingTree.scan(folder.path + "/nothing")
    #expect(!missing.exists)
    #expect(missing.entries.isEmpty)
  }
}
