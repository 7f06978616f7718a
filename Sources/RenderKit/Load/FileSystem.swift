#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls render needs, with `lstat` semantics: nothing here follows a
/// symbolic link unless asked to.
public enum FileSystem {
  public enum EntryType: Sendable {
    case file
    case directory
    case symlink
    case other
  }

  public struct Error: Swift.Error, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public var description: String {
      "\(operation) '\(path)': \(String(cString: strerror(code)))"
    }
  }

  /// The type of the entry at `path`, or `nil` when nothing is there.
  public static func entryType(_ path: String) -> EntryType? {
    status(path, followingLinks: false).map(type(of:))
  }

  /// What makes a file itself: its device and inode.
  public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
  }

  /// The identity of what `path` points at, following links.
  public static func identity(_ path: String) -> FileIdentity? {
    status(path, followingLinks: true).map {
      FileIdentity(device: UInt64($0.st_dev), inode: UInt64($0.st_ino))
    }
  }

  /// "a FIFO", "a socket", "a device": what a special file is, for messages.
  public static func specialFileKind(_ path: String) -> String {
    guard let info = status(path, followingLinks: true) else { return "something unreadable" }
    switch info.st_mode & S_IFMT {
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFSOCK: return "a socket"
    case S_IFCHR, S_IFBLK: return "a device"
    default: return "not a regular file"
    }
  }

  /// The type of what `path` points at, following links.
  public static func targetType(_ path: String) -> EntryType? {
    status(path, followingLinks: true).map(type(of:))
  }

  /// `stat` or `lstat` of `path`; `nil` when it fails.
  private static func status(_ path: String, followingLinks: Bool) -> stat? {
    var info = stat()
    let result = followingLinks ? stat(path, &info) : lstat(path, &info)
    return result == 0 ? info : nil
  }

  /// Returns what a C call returned, or throws `operation` on `path` with `errno` when
  /// it failed (a negative result), unless `errno` is `tolerated`.
  @discardableResult
  private static func check(
    _ result: Int32, _ operation: String, _ path: String, tolerating tolerated: Int32? = nil
  ) throws(Error) -> Int32 {
    guard result >= 0 || errno == tolerated else {
      throw Error(path: path, operation: operation, code: errno)
    }
    return result
  }

  private static func type(of info: stat) -> EntryType {
    switch info.st_mode & S_IFMT {
    case S_IFREG: .file
    case S_IFDIR: .directory
    case S_IFLNK: .symlink
    default: .other
    }
  }

  /// The names in a directory, sorted, without `.` and `..`.
  public static func list(_ path: String) throws(Error) -> [String] {
    try listEntries(path).map(\.name)
  }

  /// The entries of a directory, sorted by name, without `.` and `..`, each with its
  /// type as the directory reports it (`lstat` semantics), which saves an `lstat` per
  /// entry; `nil` where the file system does not say.
  public static func listEntries(_ path: String) throws(Error) -> [(name: String, type: EntryType?)]
  {
    guard let directory = opendir(path) else {
      throw Error(path: path, operation: "cannot list", code: errno)
    }
    defer { closedir(directory) }
    var entries: [(name: String, type: EntryType?)] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      guard name != "." && name != ".." else { continue }
      let type: EntryType? =
        switch Int(entry.pointee.d_type) {
        case Int(DT_REG): .file
        case Int(DT_DIR): .directory
        case Int(DT_LNK): .symlink
        case Int(DT_UNKNOWN): nil
        default: .other
        }
      entries.append((name, type))
    }
    return entries.sorted { $0.name < $1.name }
  }

  /// Reads a whole file. Opening never blocks (a FIFO put where a file was listed is not
  /// waited on), and only regular files are read.
  /// - Parameter limit: the most bytes to read; a bigger file fails with `EFBIG` before
  ///   any of it is read.
  public static func readBytes(_ path: String, limit: Int? = nil) throws(Error) -> [UInt8] {
    let descriptor = try check(open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), "cannot read", path)
    defer { close(descriptor) }
    // One read of the size fstat reports covers almost every file; keep reading in case
    // the file grew meanwhile.
    var info = stat()
    let expected = fstat(descriptor, &info) == 0 ? max(Int(info.st_size), 0) : 0
    if info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != 0 {
      throw Error(path: path, operation: "cannot read", code: EINVAL)
    }
    if let limit, expected > limit {
      throw Error(path: path, operation: "cannot read", code: EFBIG)
    }
    var result = [UInt8](repeating: 0, count: expected + 1)
    var count = 0
    while true {
      if count == result.count {
        result.append(contentsOf: repeatElement(0, count: max(result.count, 4096)))
      }
      let wanted = result.count - count
      let read = result.withUnsafeMutableBytes { buffer in
        readRetrying(descriptor, buffer.baseAddress.map { $0 + count }, wanted)
      }
      guard read >= 0 else { throw Error(path: path, operation: "cannot read", code: errno) }
      count += read
      if let limit, count > limit {
        throw Error(path: path, operation: "cannot read", code: EFBIG)
      }
      // A regular file that has given exactly the size fstat reported, in a read that
      // came back short, is at its end: no need to ask again to hear so. Anything else
      // (a short read before the end, as FUSE or network file systems give) reads on.
      if read == 0 || (read < wanted && count == expected && info.st_mode & S_IFMT == S_IFREG) {
        break
      }
    }
    result.removeLast(result.count - count)
    return result
  }

  /// The size of a file and its first `count` bytes (fewer if it is shorter).
  public static func readHead(
    _ path: String, count: Int
  ) throws(Error) -> (size: Int, head: [UInt8]) {
    let descriptor = try check(open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), "cannot read", path)
    defer { close(descriptor) }
    var info = stat()
    try check(fstat(descriptor, &info), "cannot read", path)
    var head = [UInt8](repeating: 0, count: count)
    let read = head.withUnsafeMutableBytes { readRetrying(descriptor, $0.baseAddress, count) }
    guard read >= 0 else { throw Error(path: path, operation: "cannot read", code: errno) }
    head.removeLast(count - read)
    return (Int(info.st_size), head)
  }

  /// Writes a new file, failing if anything is already there, so nothing is ever written
  /// through a symbolic link or over a file render did not expect.
  public static func createFile(_ path: String, bytes: [UInt8]) throws(Error) {
    let descriptor = try check(
      open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644), "cannot create",
      path)
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        write(descriptor, $0.baseAddress.map { $0 + offset }, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Error(path: path, operation: "cannot write", code: errno)
      }
      offset += written
    }
  }

  public static func makeDirectory(_ path: String) throws(Error) {
    try check(mkdir(path, 0o755), "cannot create directory", path, tolerating: EEXIST)
  }

  /// Creates a folder with exactly `mode` (the umask does not apply).
  public static func makeDirectory(_ path: String, mode: UInt32) throws(Error) {
    try check(mkdir(path, mode_t(mode)), "cannot create directory", path)
    _ = chmod(path, mode_t(mode))
  }

  /// Removes `path` if it is an empty folder; anything else is left as it is.
  public static func removeEmptyDirectory(_ path: String) {
    _ = rmdir(path)
  }

  /// The permission bits of the entry at `path` (not following links).
  public static func permissions(_ path: String) -> UInt32? {
    status(path, followingLinks: false).map { UInt32($0.st_mode) & 0o7777 }
  }

  /// `mkdir -p`: every missing folder on the way to `path`.
  public static func makeDirectories(_ path: String) throws(Error) {
    var current = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") where component != "." {
      current += "/" + component
      try makeDirectory(current)
    }
  }

  /// Makes `link` another name for the file `existing` (same inode, so same mtime).
  public static func hardLink(_ existing: String, _ link: String) throws(Error) {
    try check(cLink(existing, link), "cannot link", link)
  }

  public static func readSymlink(_ path: String) throws(Error) -> String {
    var buffer = [CChar](repeating: 0, count: 4097)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { throw Error(path: path, operation: "cannot read link", code: errno) }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  public static func makeSymlink(_ path: String, target: String) throws(Error) {
    try check(symlink(target, path), "cannot create link", path)
  }

  /// The canonical absolute path, every link resolved; `nil` when it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  public static func rename(_ from: String, _ to: String) throws(Error) {
    try check(cRename(from, to), "cannot rename", from)
  }

  public static func removeFile(_ path: String) throws(Error) {
    try check(unlink(path), "cannot remove", path, tolerating: ENOENT)
  }

  /// Removes a directory tree without following links inside it.
  public static func removeTree(_ path: String) throws(Error) {
    guard let type = entryType(path) else { return }
    if type == .directory {
      for name in try list(path) {
        try removeTree(path + "/" + name)
      }
      try check(rmdir(path), "cannot remove", path)
    } else {
      try removeFile(path)
    }
  }
}

// Outside `FileSystem`, whose own `rename` and local names (`read`, `link`) would
// shadow the C library's.

/// `read(2)`, asked again when a signal interrupts it: the count read, or -1 with `errno`.
private func readRetrying(_ file: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  while true {
    let result = read(file, buffer, count)
    if result >= 0 || errno != EINTR { return result }
  }
}

private func cLink(_ existing: String, _ new: String) -> Int32 { link(existing, new) }

private func cRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
