/// Compares two versions of the output folder line by line: the rendered folder on disk
/// against a fresh render, or the renders of two commits. The library half of
/// `render diff` (`DiffSummary` is its closing table); it never touches the disk. What a
/// build must write is `OutputDrift`'s job.
///
/// Diffs leave out the `# Checksum:` line of render's header: it changes whenever the
/// body does and would add a line pair to every changed file. A file whose only
/// difference is that line (its checksum was edited) is diffed whole instead, so every
/// change has hunks.
public struct TreeComparison: Sendable {
  /// The output folder as users see it (`rendered`), for the `a/` and `b/` paths.
  public var folder: String
  /// Every file that differs, sorted by path.
  public var changes: [FileChange]

  /// - Parameters:
  ///   - old: file contents by path inside the output folder, before.
  ///   - new: the same, after.
  ///   - context: lines of context around each change, as `diff -U`.
  public init(
    old: [String: [UInt8]], new: [String: [UInt8]], folder: String, context: Int = 3
  ) {
    self.folder = folder
    var changes: [FileChange] = []
    for path in Set(old.keys).union(new.keys).sorted() {
      let before = old[path]
      let after = new[path]
      if before == after { continue }
      let kind: FileChange.Kind =
        before == nil ? .added : after == nil ? .removed : .modified
      changes.append(
        Self.change(path: path, kind: kind, old: before ?? [], new: after ?? [], context: context))
    }
    self.changes = changes
  }

  public var isEmpty: Bool { changes.isEmpty }

  /// The per-environment, per-service summary.
  public var summary: DiffSummary { DiffSummary(changes) }

  /// The files a render would write: every file of the tree.
  public static func files(of tree: OutputTree) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for file in tree.files { files[file.path] = file.contents }
    return files
  }

  /// The files of the folder on disk that a render with `tree`'s filters owns and
  /// render generated: what `render build` would change or remove. Hand-written files
  /// (without render's header) and anything under a folder starting with `.` are left
  /// out, as `render build` leaves them alone.
  public static func generatedFiles(
    in existing: ExistingTree, ownedBy tree: OutputTree
  ) -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for (path, entry) in existing.entries {
      let contents: [UInt8]
      switch entry {
      case .file(let bytes): contents = bytes
      // Only its start was read: enough to show that it changes.
      case .largeFile(_, let head): contents = head
      default: continue
      }
      guard tree.owns(path),
        GeneratedHeader.isGenerated(contents),
        !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
      else { continue }
      files[path] = contents
    }
    return files
  }

  static func change(
    path: String, kind: FileChange.Kind, old: [UInt8], new: [UInt8], context: Int
  ) -> FileChange {
    var oldLines = UnifiedDiff.lines(String(decoding: old, as: UTF8.self))
    var newLines = UnifiedDiff.lines(String(decoding: new, as: UTF8.self))
    let strippedOld = withoutChecksum(oldLines)
    let strippedNew = withoutChecksum(newLines)
    if strippedOld != strippedNew {
      oldLines = strippedOld
      newLines = strippedNew
    }
    let edits = UnifiedDiff.edits(old: oldLines, new: newLines)
    var added = 0
    var removed = 0
    for edit in edits {
      switch edit {
      case .added: added += 1
      case .removed: removed += 1
      case .same: break
      }
    }
    let hunks = added + removed == 0 ? "" : UnifiedDiff.hunks(edits, context: context).joined()
    return FileChange(
      path: path, kind: kind, hunks: hunks, addedLines: added, removedLines: removed)
  }

  /// The lines without the checksum line of render's header (the leading comment block
  /// of a generated file); other files are returned as they are.
  static func withoutChecksum(_ lines: [Substring]) -> [Substring] {
    guard let first = lines.first, first.hasPrefix(GeneratedHeader.marker) else { return lines }
    var result = lines
    for index in result.indices {
      guard result[index].hasPrefix("#") else { break }
      if result[index].hasPrefix(GeneratedHeader.checksumPrefix) {
        result.remove(at: index)
        break
      }
    }
    return result
  }
}
