import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fresh folders under the system's temporary folder.
enum TemporaryFolder {
  /// Creates a new, empty folder and returns its canonical path (links resolved, so paths
  /// render prints can be compared with it).
  static func make(prefix: String) throws -> String {
    var template = Array((NSTemporaryDirectory() + "/" + prefix + "-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }
    }
    guard let created else {
      throw TestFailure("mkdtemp failed: \(String(cString: strerror(errno)))")
    }
    let path = String(cString: created)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }
}

/// An error that ends a test with a message.
struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// What `lstat` says about one path: enough to tell a rewritten file (new inode, new
/// mtime) from one render left alone.
struct FileStatus: Equatable, CustomStringConvertible {
  enum Kind: Equatable { case file, directory, symlink, other }
  var kind: Kind
  var inode: UInt64
  var modified: timespec
  var size: Int64

  static func == (lhs: FileStatus, rhs: FileStatus) -> Bool {
    lhs.kind == rhs.kind && lhs.inode == rhs.inode && lhs.size == rhs.size
      && lhs.modified.tv_sec == rhs.modified.tv_sec
      && lhs.modified.tv_nsec == rhs.modified.tv_nsec
  }

  var description: String {
    "\(kind) inode \(inode) mtime \(modified.tv_sec).\(modified.tv_nsec) size \(size)"
  }
}

/// Every entry of a folder, recursively: bytes (files), link targets (links), and the
/// `lstat` of each, folders included. Two snapshots are equal only if nothing under the
/// folder was written, renamed, created or removed.
struct TreeSnapshot: Equatable {
  struct Entry: Equatable {
    var status: FileStatus
    /// File contents, or a link's target.
    var bytes: [UInt8]
  }

  /// By path relative to the snapshotted folder.
  var entries: [String: Entry]
  /// The folder's own status (`nil` if it does not exist).
  var folder: FileStatus?

  /// Regular files only, by relative path.
  var files: [String: [UInt8]] {
    entries.compactMapValues { $0.status.kind == .file ? $0.bytes : nil }
  }

  /// What differs from an earlier snapshot, for readable failures.
  func differences(from other: TreeSnapshot) -> [String] {
    var result: [String] = []
    for path in Set(entries.keys).union(other.entries.keys).sorted() {
      switch (other.entries[path], entries[path]) {
      case (nil, _?): result.append("added \(path)")
      case (_?, nil): result.append("removed \(path)")
      case (let old?, let new?) where old.bytes != new.bytes:
        result.append("content changed \(path)")
      case (let old?, let new?) where old.status != new.status:
        result.append("rewritten \(path): \(old.status) -> \(new.status)")
      default: continue
      }
    }
    if folder != other.folder {
      result.append(
        "the folder itself: \(String(describing: other.folder)) -> \(String(describing: folder))")
    }
    return result
  }
}

/// A repository in a fresh temporary folder, deleted with everything in it when the
/// value goes away. Paths are relative to the repository root.
///
/// The root is `<scratch>/repo`; the scratch folder around it holds what a test needs
/// outside the repository (a lock holder's marker files, a link target).
final class TemporaryRepository {
  /// The folder that holds the repository; removed on deinit.
  let scratch: String
  /// The repository root, absolute and canonical.
  let root: String

  init(_ files: [String: String] = [:]) throws {
    scratch = try TemporaryFolder.make(prefix: "render-e2e")
    root = scratch + "/repo"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
    try write(files)
  }

  deinit {
    // FileManager removes links, never what they point at.
    try? FileManager.default.removeItem(atPath: scratch)
  }

  var rootURL: URL { URL(fileURLWithPath: root) }

  func absolute(_ path: String) -> String { root + "/" + path }

  // MARK: Changing the repository

  func write(_ files: [String: String]) throws {
    for (path, contents) in files.sorted(by: { $0.key < $1.key }) {
      try write(path, contents)
    }
  }

  /// Writes a file, creating its folders.
  func write(_ path: String, _ contents: String) throws {
    try writeBytes(path, Array(contents.utf8))
  }

  func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
    let url = URL(fileURLWithPath: absolute(path))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
  }

  /// Appends to an existing file.
  func append(_ path: String, _ text: String) throws {
    try write(path, try read(path) + text)
  }

  /// Replaces every occurrence of `old` in a file; fails if there is none, so a test
  /// never silently changes nothing.
  func replace(_ old: String, with new: String, in path: String) throws {
    let text = try read(path)
    guard text.contains(old) else { throw TestFailure("'\(old)' is not in \(path)") }
    try write(path, text.replacingOccurrences(of: old, with: new))
  }

  func makeDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: absolute(path), withIntermediateDirectories: true)
  }

  func remove(_ path: String) throws {
    try FileManager.default.removeItem(atPath: absolute(path))
  }

  func move(_ from: String, to: String) throws {
    try FileManager.default.moveItem(atPath: absolute(from), toPath: absolute(to))
  }

  /// Creates a symbolic link at `path` whose target is `target`, verbatim (absolute, or
  /// relative to the link's folder).
  func symlink(_ path: String, to target: String) throws {
    let url = URL(fileURLWithPath: absolute(path))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
  }

  /// Copies a file or folder from anywhere into the repository.
  func copy(from source: String, to path: String) throws {
    let destination = URL(fileURLWithPath: absolute(path))
    try FileManager.default.createDirectory(
      at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: source, toPath: destination.path)
  }

  // MARK: Reading it back

  func read(_ path: String) throws -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }

  func bytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: absolute(path))))
  }

  /// Whether anything (a link included, even a dangling one) is at `path`.
  func exists(_ path: String) -> Bool {
    Self.status(ofAbsolute: absolute(path)) != nil
  }

  func status(_ path: String) -> FileStatus? {
    Self.status(ofAbsolute: absolute(path))
  }

  /// Entries directly in a folder (default: the root), sorted, dotfiles included.
  func list(_ path: String = "") throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path.isEmpty ? root : absolute(path))
      .sorted()
  }

  /// Every regular file under `folder`, relative to it, sorted.
  func files(under folder: String = "rendered") throws -> [String] {
    try snapshot(folder).files.keys.sorted()
  }

  /// Everything under `folder` (default: the output folder) and its own status.
  func snapshot(_ folder: String = "rendered") throws -> TreeSnapshot {
    var entries: [String: TreeSnapshot.Entry] = [:]
    let base = absolute(folder)
    let own = Self.status(ofAbsolute: base)
    if own?.kind == .directory {
      try Self.scan(base, relative: "", into: &entries)
    }
    return TreeSnapshot(entries: entries, folder: own)
  }

  private static func scan(
    _ absolute: String, relative: String, into entries: inout [String: TreeSnapshot.Entry]
  ) throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: absolute) {
      let path = absolute + "/" + name
      let key = relative.isEmpty ? name : relative + "/" + name
      guard let status = status(ofAbsolute: path) else { continue }
      switch status.kind {
      case .file:
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        entries[key] = .init(status: status, bytes: bytes)
      case .symlink:
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: path)
        entries[key] = .init(status: status, bytes: Array(target.utf8))
      case .directory:
        entries[key] = .init(status: status, bytes: [])
        try scan(path, relative: key, into: &entries)
      case .other:
        entries[key] = .init(status: status, bytes: [])
      }
    }
  }

  /// `lstat` of an absolute path; `nil` if nothing is there.
  static func status(ofAbsolute path: String) -> FileStatus? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    let kind: FileStatus.Kind
    switch info.st_mode & S_IFMT {
    case S_IFREG: kind = .file
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symlink
    default: kind = .other
    }
    #if canImport(Darwin)
      let modified = info.st_mtimespec
    #else
      let modified = info.st_mtim
    #endif
    return FileStatus(
      kind: kind, inode: UInt64(info.st_ino), modified: modified, size: Int64(info.st_size))
  }

  // MARK: Running render

  /// Runs `render <arguments> --root <root>` from an unrelated working folder.
  @discardableResult
  func render(_ arguments: String...) throws -> RenderBinary.Result {
    try RenderBinary.run(arguments + ["--root", root], in: URL(fileURLWithPath: scratch))
  }

  /// Runs `render <arguments>` with the repository root as the working folder.
  @discardableResult
  func renderHere(_ arguments: String...) throws -> RenderBinary.Result {
    try RenderBinary.run(arguments, in: rootURL)
  }

  /// A first, successful build; throws with the transcript if it is not one. Returns
  /// the output folder as it then is.
  @discardableResult
  func seed(_ arguments: String...) throws -> TreeSnapshot {
    let result = try RenderBinary.run(
      ["build"] + arguments + ["--root", root], in: URL(fileURLWithPath: scratch))
    guard result.status == 0, result.errors.isEmpty else {
      throw TestFailure("the seeding build failed:\n\(result.transcript)")
    }
    return try snapshot()
  }

  /// Leftovers of render's atomic write (`.render-staging-*`, `.render-old-*`) at the
  /// root, which no finished run may leave.
  func leftovers() throws -> [String] {
    try list().filter { $0.hasPrefix(".render-") }
  }
}
