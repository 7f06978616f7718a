import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 15 "data loss and broken atomicity": whatever step of a write fails (a file
/// that cannot change, a full disk, a bad output path), `rendered/` stays the old tree
/// byte for byte and nothing is left beside it.
@Suite struct OutputFaultTests {
  /// Every file's bytes and inode, and the folders: what "byte for byte" compares.
  private func state(_ repository: TemporaryRepository) throws -> [String: String] {
    var result: [String: String] = [:]
    for (path, entry) in try repository.snapshot().entries {
      switch entry.status.kind {
      case .directory: result[path] = "folder"
      default:
        result[path] =
          "\(entry.status.kind) inode \(entry.status.inode): "
          + String(decoding: entry.bytes, as: UTF8.self)
      }
    }
    return result
  }

  private func bumpEveryVersion(_ repository: TemporaryRepository) throws {
    try repository.replace(
      "version: 1.0.0", with: "version: 1.0.1", in: "services/api/service.yaml")
    try repository.replace(
      "version: 2.0.0", with: "version: 2.0.1", in: "services/web/service.yaml")
  }

  static let isRoot = getuid() == 0

  @Test(.enabled(if: isRoot, "needs root for chattr(1)"))
  func anImmutableFileThatMustChangeFailsTheBuildAndChangesNothing() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    try bumpEveryVersion(repository)
    let locked = repository.absolute("rendered/prod/web/deployment-web.yaml")
    try #require(Self.chattr("+i", locked), "chattr +i does not work here")
    defer { Self.chattr("-i", locked) }
    let before = try state(repository)

    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stderr.contains("cannot replace '\(locked)'"), "\(result.stderr)")
    #expect(try state(repository) == before)
    #expect(try repository.leftovers() == [])
  }

  @Test(.enabled(if: isRoot, "needs root for chattr(1)"))
  func anImmutableFolderFailsTheBuildAfterOtherFilesMovedAndTheyAreUndone() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    try bumpEveryVersion(repository)
    // dev/ sorts first: its files move before prod/web's rename fails.
    let locked = repository.absolute("rendered/prod/web")
    try #require(Self.chattr("+i", locked), "chattr +i does not work here")
    defer { Self.chattr("-i", locked) }
    let before = try state(repository)

    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    Self.chattr("-i", locked)
    #expect(try state(repository) == before)
    #expect(try repository.leftovers() == [])
  }

  /// A small tmpfs, mounted for the test (root only), holding the whole repository.
  final class SmallDisk {
    let path: String
    init?(kilobytes: Int) {
      path = FileManager.default.temporaryDirectory.path + "/render-full-" + UUID().uuidString
      try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      guard
        OutputFaultTests.run(
          "/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
      else {
        try? FileManager.default.removeItem(atPath: path)
        return nil
      }
    }
    deinit {
      OutputFaultTests.run("/bin/umount", [path])
      try? FileManager.default.removeItem(atPath: path)
    }
  }

  @Test(.enabled(if: isRoot, "needs root to mount a tmpfs"))
  func aFullDiskFailsTheBuildAndChangesNothing() throws {
    guard let disk = SmallDisk(kilobytes: 1024) else {
      #if compiler(>=6.3)
        try Test.cancel("mount -t tmpfs does not work here")
      #else
        return
      #endif
    }
    let repository = try TemporaryRepository(Fixture.shop, in: disk.path)
    try repository.seed()
    try bumpEveryVersion(repository)
    // Fill the disk: a file grown until the write fails.
    #expect(FileManager.default.createFile(atPath: disk.path + "/filler", contents: nil))
    let filler = try #require(FileHandle(forWritingAtPath: disk.path + "/filler"))
    let block = Data(repeating: 0, count: 4096)
    while (try? filler.write(contentsOf: block)) != nil {}
    try? filler.close()
    let before = try state(repository)

    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    #expect(try state(repository) == before)
    #expect(try repository.leftovers() == [])

    // With room again, the same build goes through.
    try FileManager.default.removeItem(atPath: disk.path + "/filler")
    let retry = try repository.render("build")
    #expect(retry.status == 0, "\(retry.transcript)")
    #expect(try state(repository) != before)
    #expect(try repository.render("build", "--check").status == 0)
    withExtendedLifetime(disk) {}
  }

  @Test func anOutputFolderWithANewlineIsALocatedError() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write("render.yaml", "output: \"out\\nput\"\n")
    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "render.yaml:1:9: error[input]: the output folder's name cannot hold control characters (a newline, a tab)"
      ], "\(result.stderr)")
    #expect(try repository.list().filter { $0.hasPrefix("out") || $0.hasPrefix(".render") } == [])
  }

  @Test func anOutputFolderUnderAFileIsALocatedError() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write("NOTES.md", "notes\n")
    try repository.write("render.yaml", "output: NOTES.md/rendered\n")
    let before = try repository.snapshot("")
    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "render.yaml:1:9: error[input]: the output folder 'NOTES.md/rendered' is under 'NOTES.md', which is a file"
      ], "\(result.stderr)")
    #expect(try repository.snapshot("") == before)
  }

  @Test func aFIFOInTheOutputFolderIsKept() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    #expect(mkfifo(repository.absolute("rendered/dev/api/pipe"), 0o644) == 0)
    #expect(mkfifo(repository.absolute("rendered/pipe"), 0o644) == 0)
    try bumpEveryVersion(repository)
    let result = try repository.render("build")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(repository.status("rendered/dev/api/pipe")?.kind == .other)
    #expect(repository.status("rendered/pipe")?.kind == .other)
  }

  @discardableResult
  static func chattr(_ flag: String, _ path: String) -> Bool {
    run("/usr/bin/chattr", [flag, path])
  }

  @discardableResult
  static func run(_ executable: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
