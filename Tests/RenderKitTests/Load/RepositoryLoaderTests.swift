import Foundation
import TestSupport
import Testing

@testable import RenderKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The Load stage against hostile folders (issue 15 "silent acceptance" and "hangs",
/// issue 10 item 3): special files, link fan-out, huge files, entries of the wrong kind.
@Suite struct RepositoryLoaderTests {
  private func load(_ folder: TemporaryFolder) -> (Repository, [String]) {
    let (repository, diagnostics) = RepositoryLoader(root: folder.path).load()
    return (repository, RepositoryFixture.lines(diagnostics, in: repository.fileNames))
  }

  @Test func aFIFOInAnInputFolderIsAnErrorAndIsNeverOpened() throws {
    let folder = try TemporaryFolder()
    try folder.write("services/api/service.yaml", "template: web\n")
    #expect(mkfifo(folder.path + "/services/api/extra.yaml", 0o644) == 0)
    // Opening a FIFO for reading waits for a writer: the load would hang if it tried.
    let (_, found) = load(folder)
    #expect(
      found == [
        "services/api/extra.yaml:1:1: 'services/api/extra.yaml' is a FIFO (named pipe), not a file or folder; render reads only files and folders"
      ])
  }

  @Test func aSocketIsAnError() throws {
    let folder = try TemporaryFolder()
    try folder.makeFolder("crds")
    let path = folder.path + "/crds/s.yaml"
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 {
        buffer[index] = byte
      }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    try #require(bound == 0)
    let (_, found) = load(folder)
    #expect(
      found == [
        "crds/s.yaml:1:1: 'crds/s.yaml' is a socket, not a file or folder; render reads only files and folders"
      ])
  }

  @Test func linksFanningOutToOneFolderReadItOnce() throws {
    let folder = try TemporaryFolder()
    // Eight levels, each with four links to the next: 4^8 = 65,536 paths if followed.
    for level in 0..<8 {
      try folder.write("crds/d\(level)/x.yaml", "kind: CustomResourceDefinition\n")
      for link in 0..<4 where level < 7 {
        try folder.symlink("crds/d\(level)/l\(link)", to: "../d\(level + 1)")
      }
    }
    let clock = ContinuousClock()
    let start = clock.now
    let (repository, found) = load(folder)
    #expect(clock.now - start < .seconds(5))
    // Each real folder once (d1 through the first link to it), the other links reported.
    #expect(repository.files.count == 8)
    #expect(found.allSatisfy { $0.contains("again (through a symbolic link)") }, "\(found)")
    #expect(
      found.contains(
        "crds/d0/l1:1:1: 'crds/d0/l1' is the folder 'crds/d0/l0' again (through a symbolic link); render reads each folder once"
      ), "\(found)")
  }

  @Test func aFileOverTheLimitIsRefusedUnread() throws {
    let folder = try TemporaryFolder()
    try folder.makeFolder("crds")
    let path = folder.path + "/crds/huge.yaml"
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    // Sparse: 1 GiB that costs no disk and would cost a gigabyte of memory to read.
    #expect(truncate(path, 1 << 30) == 0)
    let (repository, found) = load(folder)
    #expect(
      found == [
        "crds/huge.yaml:1:1: 'crds/huge.yaml' is larger than 16 MiB, the most render reads from one input file"
      ])
    #expect(repository.files["crds/huge.yaml"] == nil)
  }

  @Test func settingsThatAreAFolderAreAnError() throws {
    let folder = try TemporaryFolder()
    try folder.makeFolder("render.yaml")
    let (_, found) = load(folder)
    #expect(
      found == ["render.yaml:1:1: 'render.yaml' is a folder; render's settings file must be a file"]
    )
  }

  @Test(arguments: RepositoryLoader.inputFolders)
  func anInputFolderThatIsAFileIsAnError(name: String) throws {
    let folder = try TemporaryFolder()
    try folder.write(name, "web: {}\n")
    let (_, found) = load(folder)
    #expect(found == ["\(name):1:1: '\(name)' must be a folder, but it is a file"])
  }

  @Test func ymlAndJSONFilesAreRead() throws {
    let folder = try TemporaryFolder()
    try folder.write("crds/a.yml", "kind: CustomResourceDefinition\n")
    try folder.write("crds/b.json", "{\"kind\": \"CustomResourceDefinition\"}\n")
    try folder.write("crds/notes.txt", "not read\n")
    let (repository, found) = load(folder)
    #expect(found == [])
    #expect(repository.files.keys.sorted() == ["crds/a.yml", "crds/b.json"])
  }
}
