#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the output folder on disk differs from a fresh render, file by file: what
/// `build` writes (`TreeWriter`) and what `build --check` reports (`DriftReport` words
/// it). Not to be confused with `TreeComparison`, the line-by-line diff of two renders
/// that `render diff` prints.
public struct OutputDrift: Sendable {
  /// A generated file whose content differs from the fresh render.
  public struct Update: Sendable {
    public var path: String
    public var old: [UInt8]
    public var new: [UInt8]
    /// The file no longer matches its own checksum: someone edited it by hand.
    public var handEdited: Bool
  }

  /// Files to create.
  public var added: [OutputFile] = []
  public var updated: [Update] = []
  /// Generated files nothing renders any more, in the render's owned part of the folder.
  public var stale: [String] = []
  /// Files render did not write and leaves alone.
  public var handWritten: [String] = []
  public var unchanged: [String] = []
  /// Problems that stop a write: a hand-written file or a link where render must write.
  public var conflicts: [Diagnostic] = []

  public var isClean: Bool { added.isEmpty && updated.isEmpty && stale.isEmpty }

  /// - Parameter fileNames: the table the conflicts' paths are numbered in.
  public init(tree: OutputTree, existing: ExistingTree, fileNames: SourceFileNames) {
    let planned = Set(tree.files.map(\.path))
    // Folders already seen to be folders (or absent): most files share their parents.
    var clearFolders: Set<Substring> = []
    for file in tree.files {
      if let blocker = Self.blockingParent(of: file.path, in: existing, clear: &clearFolders) {
        conflicts.append(
          Diagnostic(
            .error, rule: .output,
            "cannot write \(tree.displayPath(file.path)): \(tree.displayPath(blocker)) is not a folder (render never writes through links)",
            at: fileNames.start(of: tree.displayPath(blocker))))
        continue
      }
      switch existing.entries[file.path] {
      case nil:
        added.append(file)
      case .file(let contents)?:
        if Self.sameBytes(contents, file.contents) {
          unchanged.append(file.path)
        } else if GeneratedHeader.isGenerated(contents) {
          updated.append(
            Update(
              path: file.path, old: contents, new: file.contents,
              handEdited: !GeneratedHeader.isIntact(contents)))
        } else {
          conflicts.append(Self.notGenerated(file.path, in: tree, fileNames: fileNames))
        }
      case .largeFile(_, let head)?:
        // Bigger than any file render writes from its size alone: changed, if render's.
        if GeneratedHeader.isGenerated(head) {
          updated.append(Update(path: file.path, old: head, new: file.contents, handEdited: true))
        } else {
          conflicts.append(Self.notGenerated(file.path, in: tree, fileNames: fileNames))
        }
      case .directory?, .symlink?, .other?:
        conflicts.append(
          Diagnostic(
            .error, rule: .output,
            "cannot write \(tree.displayPath(file.path)): something that is not a regular file is there",
            at: fileNames.start(of: tree.displayPath(file.path))))
      }
    }
    let unplanned = existing.entries.filter { !planned.contains($0.key) }
    for (path, entry) in unplanned.sorted(by: { $0.key < $1.key }) {
      let contents: [UInt8]
      switch entry {
      case .file(let bytes): contents = bytes
      case .largeFile(_, let head): contents = head
      default: continue
      }
      if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      if tree.isForeign(path) { continue }
      if GeneratedHeader.isGenerated(contents) {
        if tree.owns(path) { stale.append(path) }
      } else {
        handWritten.append(path)
      }
    }
  }

  /// The first parent folder of `path` that exists as something other than a folder.
  /// - Parameter clear: parents known to be folders or absent; grows with each call.
  static func blockingParent(
    of path: String, in existing: ExistingTree, clear: inout Set<Substring>
  ) -> String? {
    var end = path.startIndex
    // Each parent is a prefix of the path ending before a "/", shortest first.
    while let slash = path[end...].utf8.firstIndex(of: UInt8(ascii: "/")) {
      let prefix = path[..<slash]
      end = path.utf8.index(after: slash)
      if clear.contains(prefix) { continue }
      switch existing.entries[String(prefix)] {
      case nil, .directory?: clear.insert(prefix)
      default: return String(prefix)
      }
    }
    return nil
  }

  /// Byte equality by `memcmp`: generic `==` on arrays compares element by element,
  /// which unoptimized (debug) builds do through a call per byte.
  /// The conflict of a planned file whose path holds a file render did not write.
  static func notGenerated(
    _ path: String, in tree: OutputTree, fileNames: SourceFileNames
  ) -> Diagnostic {
    Diagnostic(
      .error, rule: .output,
      "render would overwrite \(tree.displayPath(path)), which it did not generate (the file has no render header)",
      at: fileNames.start(of: tree.displayPath(path)),
      help: "move the file out of \(tree.folder)/ or delete it; render owns the paths it generates")
  }

  static func sameBytes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    guard a.count == b.count else { return false }
    return a.withUnsafeBytes { first in
      b.withUnsafeBytes { second in
        guard let left = first.baseAddress, let right = second.baseAddress else { return true }
        return memcmp(left, right, first.count) == 0
      }
    }
  }
}
