import Foundation
import TestSupport
import Testing

@testable import RenderKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The incremental, journaled write (issue 12 item 1, issue 15 "data loss and broken
/// atomicity"): only changed files move, unchanged folders are never touched, and a write
/// that fails or is killed ends as the old tree or the new one.
@Suite struct IncrementalWriteTests {
  private let a = OutputFixture.file("prod/web/configmap-a.yaml", "a: 1\n")
  private let b = OutputFixture.file("prod/web/configmap-b.yaml", "b: 1\n")
  private let c = OutputFixture.file("dev/api/configmap-c.yaml", "c: 1\n")
  private let d = OutputFixture.file("dev/db/configmap-d.yaml", "d: 1\n")

  private func plan(
    _ files: [OutputFile], in folder: TemporaryFolder
  )
    throws -> (TreeWriter, ExistingTree, OutputDrift)
  {
    let writer = TreeWriter(outputPath: folder.path + "/rendered")
    try writer.recover()
    let existing = try ExistingTree.scan(writer.outputPath)
    let diff = OutputDrift(
      tree: OutputFixture.tree(files), existing: existing, fileNames: testFiles)
    return (writer, existing, diff)
  }

  @discardableResult
  private func build(_ files: [OutputFile], in folder: TemporaryFolder) throws -> OutputDrift {
    let (writer, existing, diff) = try plan(files, in: folder)
    try writer.write(diff, existing: existing)
    return diff
  }

  private func folderStatus(_ path: String) -> (inode: UInt64, mode: UInt32, mtime: Int)? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return (
      UInt64(info.st_ino), UInt32(info.st_mode) & 0o7777,
      info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
    )
  }

  @Test func theJournalReadsBackAsWritten() {
    let journal = WriteJournal(steps: [
      .makeFolder("prod"), .makeFolder("prod/web"),
      .put("prod/web/a.yaml", index: 0, replaces: false),
      .put("versions.yaml", index: 1, replaces: true), .remove("dev/api/c.yaml", index: 2),
      .removeFolder("dev/api", mode: 0o750),
    ])
    #expect(WriteJournal(text: journal.text) == journal)
    // Cut off, or a path that leaves the folder: not a journal.
    #expect(WriteJournal(text: String(journal.text.dropLast(4))) == nil)
    #expect(WriteJournal(text: "render write journal 1\nrm\t0\t../x\nend\n") == nil)
    #expect(WriteJournal(text: "render write journal 1\nrm\tx\ta\nend\n") == nil)
  }

  @Test func thePlanTouchesOnlyFoldersThatChange() {
    let existing = ExistingTree(
      entries: [
        "dev": .directory, "dev/api": .directory, "dev/api/configmap-c.yaml": .file([]),
        "dev/db": .directory, "dev/db/configmap-d.yaml": .file([]),
        "prod": .directory, "prod/web": .directory, "prod/web/configmap-a.yaml": .file([]),
      ], exists: true)
    var diff = OutputDrift(
      tree: OutputFixture.tree([]), existing: ExistingTree(entries: [:], exists: true),
      fileNames: testFiles)
    diff.added = [OutputFixture.file("prod/new/x.yaml", "x\n"), b]
    diff.updated = [
      OutputDrift.Update(path: a.path, old: [], new: a.contents, handEdited: false)
    ]
    diff.stale = ["dev/api/configmap-c.yaml", "dev/db/configmap-d.yaml"]
    let journal = WriteJournal.plan(diff, existing: existing) { _ in 0o700 }
    #expect(
      journal.steps == [
        .makeFolder("prod/new"),
        .put("prod/new/x.yaml", index: 0, replaces: false),
        .put(b.path, index: 1, replaces: false),
        .put(a.path, index: 2, replaces: true),
        .remove("dev/api/configmap-c.yaml", index: 3),
        .remove("dev/db/configmap-d.yaml", index: 4),
        .removeFolder("dev/db", mode: 0o700),
        .removeFolder("dev/api", mode: 0o700),
        .removeFolder("dev", mode: 0o700),
      ])
  }

  @Test func aChangeLeavesUnchangedFoldersAndTheirModesAlone() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    chmod(folder.path + "/rendered/prod", 0o750)
    chmod(folder.path + "/rendered/dev/api", 0o700)
    let prod = try #require(folderStatus(folder.path + "/rendered/prod"))
    let api = try #require(folderStatus(folder.path + "/rendered/dev/api"))
    let root = try #require(folderStatus(folder.path + "/rendered"))

    let newA = OutputFixture.file(a.path, "a: 2\n")
    try build([newA, b, c], in: folder)
    #expect(folder.read("rendered/" + a.path) == newA.contents)
    // Same folders (inodes), same modes; a folder nothing changed in is not even written.
    let prodAfter = try #require(folderStatus(folder.path + "/rendered/prod"))
    let apiAfter = try #require(folderStatus(folder.path + "/rendered/dev/api"))
    #expect(prodAfter.inode == prod.inode && prodAfter.mode == 0o750)
    #expect(apiAfter.inode == api.inode && apiAfter.mode == 0o700 && apiAfter.mtime == api.mtime)
    #expect(folderStatus(folder.path + "/rendered")?.inode == root.inode)
    #expect(try FileSystem.list(folder.path) == ["rendered"])
  }

  @Test func specialFilesInTheOutputFolderAreKept() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    #expect(mkfifo(folder.path + "/rendered/prod/web/pipe", 0o644) == 0)
    #expect(mkfifo(folder.path + "/rendered/dev/api/configmap-z.yaml", 0o644) == 0)
    // b and c go stale; their folders still hold a FIFO, so they stay too.
    try build([a], in: folder)
    #expect(folder.type("rendered/prod/web/pipe") == .other)
    #expect(folder.type("rendered/dev/api/configmap-z.yaml") == .other)
    #expect(folder.type("rendered/" + b.path) == nil)
    #expect(folder.type("rendered/" + c.path) == nil)
  }

  /// What a run killed right after its commit point leaves: the journal and the staged
  /// files, nothing moved yet.
  private func killedAfterCommit(
    _ files: [OutputFile], in folder: TemporaryFolder, applying count: Int = 0
  ) throws -> WriteJournal {
    let (writer, existing, diff) = try plan(files, in: folder)
    let journal = WriteJournal.plan(diff, existing: existing) { _ in 0o755 }
    let staging = writer.stagingPath
    try FileSystem.makeDirectory(staging)
    var contents: [String: [UInt8]] = [:]
    for file in diff.added { contents[file.path] = file.contents }
    for update in diff.updated { contents[update.path] = update.new }
    for step in journal.steps {
      if case .put(let path, let index, let replaces) = step {
        try FileSystem.createFile(staging + "/\(index).new", bytes: contents[path] ?? [])
        if replaces {
          try FileSystem.hardLink(writer.outputPath + "/" + path, staging + "/\(index).old")
        }
      }
    }
    try FileSystem.createFile(writer.journalPath, bytes: Array(journal.text.utf8))
    // Some steps done before the kill.
    try writer.apply(WriteJournal(steps: Array(journal.steps.prefix(count))))
    return journal
  }

  @Test(arguments: [0, 2, 4, 7])
  func aKilledWriteIsFinishedByTheNextRun(stepsDone: Int) throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    let newA = OutputFixture.file(a.path, "a: 2\n")
    let target = [newA, d]
    _ = try killedAfterCommit(target, in: folder, applying: stepsDone)
    #expect(TreeWriter(outputPath: folder.path + "/rendered").hasPendingWrite)

    try TreeWriter(outputPath: folder.path + "/rendered").recover()
    #expect(try FileSystem.list(folder.path) == ["rendered"])
    let (_, _, diff) = try plan(target, in: folder)
    #expect(diff.isClean, "the next run did not find the new tree whole")
    #expect(folder.type("rendered/dev/api") == nil)
  }

  @Test(arguments: [0, 3, 7])
  func aWriteBeingUndoneIsUndoneByTheNextRun(stepsDone: Int) throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    let before = try ExistingTree.scan(folder.path + "/rendered")
    let writer = TreeWriter(outputPath: folder.path + "/rendered")
    _ = try killedAfterCommit(
      [OutputFixture.file(a.path, "a: 2\n"), d], in: folder, applying: stepsDone)
    try FileSystem.rename(writer.journalPath, writer.rollbackPath)

    try writer.recover()
    #expect(try FileSystem.list(folder.path) == ["rendered"])
    #expect(try ExistingTree.scan(folder.path + "/rendered").entries == before.entries)
  }

  @Test func aJournalForAnOutputFolderRemovedSinceIsDropped() throws {
    let folder = try TemporaryFolder()
    try build([a, b], in: folder)
    _ = try killedAfterCommit([OutputFixture.file(a.path, "a: 2\n"), c], in: folder)
    try FileSystem.removeTree(folder.path + "/rendered")
    try TreeWriter(outputPath: folder.path + "/rendered").recover()
    #expect(try FileSystem.list(folder.path) == [])
  }

  @Test func aStagingFolderWithoutAJournalIsDropped() throws {
    let folder = try TemporaryFolder()
    try build([a], in: folder)
    let before = try ExistingTree.scan(folder.path + "/rendered")
    try folder.write(".render-staging-rendered/0.new", OutputFixture.generated("x\n"))
    try folder.write(".render-staging-rendered/journal.tmp", "render write journal 1\n")
    try TreeWriter(outputPath: folder.path + "/rendered").recover()
    #expect(try FileSystem.list(folder.path) == ["rendered"])
    #expect(try ExistingTree.scan(folder.path + "/rendered").entries == before.entries)
  }

  @Test func aDamagedJournalIsAnErrorAndTouchesNothing() throws {
    let folder = try TemporaryFolder()
    try build([a], in: folder)
    try folder.write(".render-staging-rendered/journal", "render write journal 1\nput\t0\n")
    #expect(throws: FileSystem.Error.self) {
      try TreeWriter(outputPath: folder.path + "/rendered").recover()
    }
    #expect(folder.read("rendered/" + a.path) == a.contents)
  }

  /// `chattr +i` works (root on a file system with attributes, such as ext4 or tmpfs).
  static let canMakeImmutable: Bool = {
    guard getuid() == 0, let folder = try? TemporaryFolder() else { return false }
    try? folder.write("probe", "x")
    let works = chattr("+i", folder.path + "/probe")
    _ = chattr("-i", folder.path + "/probe")
    return works
  }()

  @discardableResult
  static func chattr(_ flag: String, _ path: String) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [flag, path]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }

  @Test(.enabled(if: canMakeImmutable, "needs root and chattr(1)"))
  func aFailedWriteLeavesTheOldTreeByteForByte() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c, d], in: folder)
    let before = try ExistingTree.scan(folder.path + "/rendered")
    let cInode = try folder.inode("rendered/" + c.path)
    // dev/ changes first (paths sort); prod/web is immutable, so its change fails after
    // dev/'s changes were made: they must be undone.
    let locked = folder.path + "/rendered/prod/web"
    #expect(Self.chattr("+i", locked))
    defer { Self.chattr("-i", locked) }

    let newC = OutputFixture.file(c.path, "c: 2\n")
    let newB = OutputFixture.file(b.path, "b: 2\n")
    let e = OutputFixture.file("dev/new/configmap-e.yaml", "e: 1\n")
    let (writer, existing, diff) = try plan([a, newB, newC, e], in: folder)
    #expect(throws: FileSystem.Error.self) { try writer.write(diff, existing: existing) }
    Self.chattr("-i", locked)
    #expect(try ExistingTree.scan(folder.path + "/rendered").entries == before.entries)
    #expect(try folder.inode("rendered/" + c.path) == cInode)
    #expect(try FileSystem.list(folder.path) == ["rendered"])
  }

  @Test(.enabled(if: canMakeImmutable, "needs root and chattr(1)"))
  func anImmutableFileThatMustChangeStopsTheWriteBeforeAnythingMoves() throws {
    let folder = try TemporaryFolder()
    try build([a, b, c], in: folder)
    let before = try ExistingTree.scan(folder.path + "/rendered")
    let locked = folder.path + "/rendered/" + b.path
    #expect(Self.chattr("+i", locked))
    defer { Self.chattr("-i", locked) }
    let (writer, existing, diff) = try plan(
      [a, OutputFixture.file(b.path, "b: 2\n"), OutputFixture.file(c.path, "c: 2\n")], in: folder)
    do {
      try writer.write(diff, existing: existing)
      Issue.record("the write of an immutable file succeeded")
    } catch {
      #expect(error.description.contains("cannot replace '\(locked)'"), "\(error)")
    }
    Self.chattr("-i", locked)
    #expect(try ExistingTree.scan(folder.path + "/rendered").entries == before.entries)
    #expect(try FileSystem.list(folder.path) == ["rendered"])
  }
}

/// Issue 15: a 1.5 GB hand-written file in rendered/ was read whole.
@Suite struct LargeOutputFileTests {
  @Test func aHugeFileInTheOutputFolderIsNotReadWhole() throws {
    let folder = try TemporaryFolder()
    try folder.write("rendered/notes.txt", "")
    try folder.write("rendered/prod/web/configmap-a.yaml", OutputFixture.generated("a: 1\n"))
    // Sparse: a gigabyte on paper, nothing on disk; read whole it would cost 1 GB.
    #expect(truncate(folder.path + "/rendered/notes.txt", 1 << 30) == 0)
    let tree = try ExistingTree.scan(folder.path + "/rendered")
    #expect(
      tree.entries["notes.txt"]
        == .largeFile(size: 1 << 30, head: [UInt8](repeating: 0, count: 4096)))
    let diff = OutputDrift(tree: OutputFixture.tree([]), existing: tree, fileNames: testFiles)
    #expect(diff.handWritten == ["notes.txt"])
    #expect(diff.stale == ["prod/web/configmap-a.yaml"])
  }

  @Test func aHugeGeneratedFileIsStaleOrReplaced() throws {
    let folder = try TemporaryFolder()
    try folder.write("rendered/prod/web/configmap-a.yaml", OutputFixture.generated("a: 1\n"))
    try folder.write("rendered/prod/web/configmap-b.yaml", OutputFixture.generated("b: 1\n"))
    #expect(truncate(folder.path + "/rendered/prod/web/configmap-a.yaml", 1 << 30) == 0)
    #expect(truncate(folder.path + "/rendered/prod/web/configmap-b.yaml", 1 << 30) == 0)
    let tree = try ExistingTree.scan(folder.path + "/rendered")
    let a = OutputFixture.file("prod/web/configmap-a.yaml", "a: 1\n")
    let diff = OutputDrift(tree: OutputFixture.tree([a]), existing: tree, fileNames: testFiles)
    #expect(diff.updated.map(\.path) == [a.path])
    #expect(diff.stale == ["prod/web/configmap-b.yaml"])
    try TreeWriter(outputPath: folder.path + "/rendered").write(diff, existing: tree)
    #expect(folder.read("rendered/" + a.path) == a.contents)
    #expect(folder.type("rendered/prod/web/configmap-b.yaml") == nil)
  }
}
