import CRenderSystem

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a render to disk so that a reader (or a render killed part way) only ever
/// sees the old tree or the new one.
///
/// The new tree is built beside the output folder: unchanged and hand-written files are
/// hard-linked into it (same inode, so their mtimes do not move), changed files are
/// written fresh, stale ones are left out. The two folders are then swapped in one
/// `renameat2(RENAME_EXCHANGE)` and the old one removed. Where the file system cannot
/// swap, two renames are used and a leftover `.render-old-*` folder is put back by the
/// next run.
public struct TreeWriter: Sendable {
  /// The output folder, absolute.
  public let outputPath: String

  public init(outputPath: String) {
    self.outputPath = outputPath
  }

  private var parent: String {
    guard let slash = outputPath.lastIndex(of: "/") else { return "." }
    return String(outputPath[..<slash])
  }

  private var baseName: String {
    outputPath.split(separator: "/").last.map(String.init) ?? outputPath
  }

  var stagingPath: String { parent + "/.render-staging-" + baseName }
  var retiredPath: String { parent + "/.render-old-" + baseName }

  /// Puts back what an interrupted run left: a retired tree whose replacement never
  /// arrived, and any half-built staging folder. Call with the output lock held.
  public func recover() throws(FileSystem.Error) {
    if FileSystem.entryType(retiredPath) != nil {
      if FileSystem.entryType(outputPath) == nil {
        try FileSystem.rename(retiredPath, outputPath)
      } else {
        try FileSystem.removeTree(retiredPath)
      }
    }
    try FileSystem.removeTree(stagingPath)
  }

  /// Applies `diff` (made from `existing`) to disk. Does nothing when the diff is clean.
  public func write(_ diff: TreeDiff, existing: ExistingTree) throws(FileSystem.Error) {
    guard !diff.isClean else { return }
    try makeParentFolders()
    try FileSystem.removeTree(stagingPath)
    try FileSystem.makeDirectory(stagingPath)

    let stale = Set(diff.stale)
    let rewritten = Set(diff.updated.map(\.path))
    // Every folder the new tree needs. Walking up from a file stops at the first folder
    // already noted, so siblings cost one set lookup.
    var folders: Set<String> = []
    func needParent(of path: String) {
      var folder = Self.parentFolder(of: path)
      while let current = folder, folders.insert(current).inserted {
        folder = Self.parentFolder(of: current)
      }
    }

    var foldersWithChildren: Set<Substring> = []
    for path in existing.entries.keys {
      if let slash = path.lastIndex(of: "/") { foldersWithChildren.insert(path[..<slash]) }
    }

    // Folders first, a level at a time; then the files and links, which are independent
    // of each other. Both are spread over every core.
    enum Operation {
      case link(String)
      case create([UInt8])
      case symlink(String)
    }
    var operations: [(path: String, operation: Operation)] = []
    // Keep everything that stays: unchanged files, hand-written files, links, and
    // folders that were empty (a folder emptied by removing stale files goes).
    for (path, entry) in existing.entries {
      switch entry {
      case .file:
        guard !stale.contains(path), !rewritten.contains(path) else { continue }
        needParent(of: path)
        operations.append((path, .link(outputPath + "/" + path)))
      case .symlink(let target):
        needParent(of: path)
        operations.append((path, .symlink(target)))
      case .directory:
        if !foldersWithChildren.contains(Substring(path)) {
          needParent(of: path + "/x")
        }
      case .other:
        continue
      }
    }
    for file in diff.added {
      needParent(of: file.path)
      operations.append((file.path, .create(file.contents)))
    }
    for update in diff.updated {
      needParent(of: update.path)
      operations.append((update.path, .create(update.new)))
    }
    let staging = stagingPath
    let levels = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
    for depth in levels.keys.sorted() {
      let failures = (levels[depth] ?? []).parallelMap { folder -> FileSystem.Error? in
        do throws(FileSystem.Error) {
          try FileSystem.makeDirectory(staging + "/" + folder)
          return nil
        } catch {
          return error
        }
      }
      if let failure = Self.first(failures) { throw failure }
    }
    let failures = operations.parallelMap { path, operation -> FileSystem.Error? in
      do throws(FileSystem.Error) {
        switch operation {
        case .link(let source): try Self.linkOrCopy(source, staging + "/" + path)
        case .create(let bytes): try FileSystem.createFile(staging + "/" + path, bytes: bytes)
        case .symlink(let target): try FileSystem.makeSymlink(staging + "/" + path, target: target)
        }
        return nil
      } catch {
        return error
      }
    }
    if let failure = Self.first(failures) { throw failure }
    try swapIntoPlace(outputExists: existing.exists)
  }

  /// Of several failures, the one at the first path: the same whatever order the work
  /// ran in.
  private static func first(_ failures: [FileSystem.Error?]) -> FileSystem.Error? {
    failures.compactMap { $0 }.min { $0.path < $1.path }
  }

  /// The folder holding `path` (relative), or `nil` at the top.
  static func parentFolder(of path: String) -> String? {
    path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) }
  }

  /// Creates the missing folders above the output folder (`deploy/` for the output
  /// `deploy/rendered`), like `mkdir -p`, but never through a link: the nearest folder
  /// that exists must be a real one, so a link cannot carry the write out of the
  /// repository.
  private func makeParentFolders() throws(FileSystem.Error) {
    var missing: [String] = []
    var path = parent
    while !path.isEmpty {
      switch FileSystem.entryType(path) {
      case .directory?:
        for folder in missing.reversed() { try FileSystem.makeDirectory(folder) }
        return
      case nil:
        missing.append(path)
        guard let slash = path.lastIndex(of: "/") else { return }
        path = String(path[..<slash])
      default:
        throw FileSystem.Error(
          path: path, operation: "not a folder (render never writes through a link):",
          code: ENOTDIR)
      }
    }
  }

  private static func linkOrCopy(_ from: String, _ to: String) throws(FileSystem.Error) {
    do {
      try FileSystem.hardLink(from, to)
    } catch {
      try FileSystem.createFile(to, bytes: try FileSystem.readBytes(from))
    }
  }

  private func swapIntoPlace(outputExists: Bool) throws(FileSystem.Error) {
    guard outputExists else {
      try FileSystem.rename(stagingPath, outputPath)
      return
    }
    if render_exchange_paths(stagingPath, outputPath) == 0 {
      try FileSystem.removeTree(stagingPath)
      return
    }
    let code = errno
    guard code == ENOSYS || code == EINVAL || code == ENOTSUP else {
      throw FileSystem.Error(
        path: outputPath, operation: "cannot swap in the new tree at", code: code)
    }
    try FileSystem.rename(outputPath, retiredPath)
    try FileSystem.rename(stagingPath, outputPath)
    try FileSystem.removeTree(retiredPath)
  }
}
