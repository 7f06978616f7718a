import TestSupport
import Testing

@testable import RenderKit

/// The C-call wrappers of `FileSystem`: what each tolerates, what it reports, and which
/// calls follow links.
@Suite struct FileSystemTests {
  @Test func makingAnExistingFolderIsFineUnlessAModeIsAsked() throws {
    let folder = try TemporaryFolder()
    try FileSystem.makeDirectory(folder.path + "/a")
    try FileSystem.makeDirectory(folder.path + "/a")
    #expect(FileSystem.entryType(folder.path + "/a") == .directory)
    #expect(throws: FileSystem.Error.self) {
      try FileSystem.makeDirectory(folder.path + "/a", mode: 0o700)
    }
    try FileSystem.makeDirectory(folder.path + "/b", mode: 0o700)
    #expect(FileSystem.permissions(folder.path + "/b") == 0o700)
  }

  @Test func removingAMissingFileIsFineButRenamingOneFailsWithItsPath() throws {
    let folder = try TemporaryFolder()
    try FileSystem.removeFile(folder.path + "/missing")
    do {
      try FileSystem.rename(folder.path + "/missing", folder.path + "/other")
      Issue.record("renaming a missing file succeeded")
    } catch {
      #expect(error.operation == "cannot rename")
      #expect(error.path == folder.path + "/missing")
      #expect("\(error)".hasSuffix("/missing': No such file or directory"))
    }
  }

  @Test func linksAreSeenOrFollowedAsAsked() throws {
    let folder = try TemporaryFolder()
    try folder.write("file", "hello\n")
    try FileSystem.makeSymlink(folder.path + "/soft", target: "file")
    try FileSystem.hardLink(folder.path + "/file", folder.path + "/hard")
    #expect(FileSystem.entryType(folder.path + "/soft") == .symlink)
    #expect(FileSystem.targetType(folder.path + "/soft") == .file)
    #expect(try FileSystem.readSymlink(folder.path + "/soft") == "file")
    let identity = try #require(FileSystem.identity(folder.path + "/file"))
    #expect(FileSystem.identity(folder.path + "/hard") == identity)
    #expect(FileSystem.identity(folder.path + "/soft") == identity)
    #expect(FileSystem.entryType(folder.path + "/missing") == nil)
    #expect(FileSystem.identity(folder.path + "/missing") == nil)
  }

  @Test func readsWholeFilesAndHeads() throws {
    let folder = try TemporaryFolder()
    try FileSystem.createFile(folder.path + "/file", bytes: Array("0123456789".utf8))
    #expect(throws: FileSystem.Error.self) {
      try FileSystem.createFile(folder.path + "/file", bytes: [])
    }
    #expect(try FileSystem.readBytes(folder.path + "/file") == Array("0123456789".utf8))
    let (size, head) = try FileSystem.readHead(folder.path + "/file", count: 4)
    #expect(size == 10)
    #expect(head == Array("0123".utf8))
    #expect(try FileSystem.readHead(folder.path + "/file", count: 40).head.count == 10)
    #expect(throws: FileSystem.Error.self) {
      try FileSystem.readHead(folder.path + "/missing", count: 4)
    }
  }
}
