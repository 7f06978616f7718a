#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the output folder holds on disk now, read without following links.
public struct ExistingTree: Sendable {
  public enum Entry: Sendable, Equatable {
    case file([UInt8])
    /// A file over `readLimit`: only its size and first bytes are read (enough to see
    /// render's header), so a huge hand-written file costs no memory.
    case largeFile(size: Int, head: [UInt8])
    case directory
    case symlink(String)
    case other
  }

  /// Entries by path inside the output folder.
  public var entries: [String: Entry]
  /// The largest file read whole: 16 MiB, ten times the largest Kubernetes object.
  public static let readLimit = 16 << 20

  /// Whether the output folder exists at all.
  public var exists: Bool

  public init(entries: [String: Entry], exists: Bool) {
    self.entries = entries
    self.exists = exists
  }

  /// Reads the folder at `path` (absolute). A missing folder is an empty tree.
  public static func scan(_ path: String) throws(FileSystem.Error) -> ExistingTree {
    switch FileSystem.entryType(path) {
    case nil:
      return ExistingTree(entries: [:], exists: false)
    case .directory:
      var entries: [String: Entry] = [:]
      var files: [String] = []
      try scan(path, relative: "", into: &entries, files: &files)
      // Reading thousands of files is most of a scan; the reads are independent.
      let contents = files.parallelMap { file in
        Result { () throws(FileSystem.Error) -> Entry in
          do throws(FileSystem.Error) {
            return .file(try FileSystem.readBytes(path + "/" + file, limit: readLimit))
          } catch {
            guard error.code == EFBIG else { throw error }
            let (size, head) = try FileSystem.readHead(path + "/" + file, count: 4096)
            return .largeFile(size: size, head: head)
          }
        }
      }
      for (file, content) in zip(files, contents) {
        entries[file] = try content.get()
      }
      return ExistingTree(entries: entries, exists: true)
    default:
      throw FileSystem.Error(
        path: path, operation: "not a folder (render never writes through a link):", code: 20)
    }
  }

  /// Lists the folder recursively; files are only noted in `files`, to be read later.
  private static func scan(
    _ absolute: String, relative: String, into entries: inout [String: Entry],
    files: inout [String]
  ) throws(FileSystem.Error) {
    for (name, type) in try FileSystem.listEntries(absolute) {
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      let childAbsolute = absolute + "/" + name
      switch type ?? FileSystem.entryType(childAbsolute) {
      case .directory?:
        entries[childRelative] = .directory
        try scan(childAbsolute, relative: childRelative, into: &entries, files: &files)
      case .file?:
        files.append(childRelative)
      case .symlink?:
        entries[childRelative] = .symlink(try FileSystem.readSymlink(childAbsolute))
      default:
        entries[childRelative] = .other
      }
    }
  }
}
