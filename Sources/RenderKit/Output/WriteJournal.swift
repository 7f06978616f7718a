/// The plan of one incremental write of the output folder: every change, in the order it
/// is applied, written down before the first one is made so that a run that is killed
/// part way can be finished (rolled forward) or undone (rolled back) by the next one.
///
/// Each step names the files it uses in the staging folder by number: `<n>.new` is the
/// content a `put` moves into place, `<n>.old` the old content it keeps to put back (a
/// hard link to the replaced file, or the stale file a `remove` moved aside). Every step
/// can be applied or undone again after a crash without harm, whether or not it ran.
public struct WriteJournal: Sendable, Equatable {
  public enum Step: Sendable, Equatable {
    /// Create a folder that does not exist yet.
    case makeFolder(String)
    /// Move `<index>.new` to the path; `replaces`: a file is there, kept as `<index>.old`.
    case put(String, index: Int, replaces: Bool)
    /// Move the stale file at the path aside, to `<index>.old`.
    case remove(String, index: Int)
    /// Remove a folder the removals emptied; `mode` to make it again when undoing.
    case removeFolder(String, mode: UInt32)
  }

  public var steps: [Step]

  public init(steps: [Step]) {
    self.steps = steps
  }

  static let header = "render write journal 1"

  /// Plans the write of `diff`: folders first (parents before children), then the files,
  /// then the removals, then the folders they emptied (children before parents). Folders
  /// no file changes in are never touched.
  /// - Parameter mode: the permission bits of an existing folder, for the undo.
  public static func plan(
    _ diff: OutputDrift, existing: ExistingTree, mode: (String) -> UInt32
  ) -> WriteJournal {
    var steps: [Step] = []
    var index = 0
    var newFolders: Set<String> = []
    // Folders that hold a file after the write: never emptied.
    var filled: Set<String> = []
    var puts: [Step] = []
    func noteParents(of path: String) {
      var folder = TreeWriter.parentFolder(of: path)
      while let current = folder, filled.insert(current).inserted {
        if existing.entries[current] == nil { newFolders.insert(current) }
        folder = TreeWriter.parentFolder(of: current)
      }
    }
    for file in diff.added {
      noteParents(of: file.path)
      puts.append(.put(file.path, index: index, replaces: false))
      index += 1
    }
    for update in diff.updated {
      noteParents(of: update.path)
      puts.append(.put(update.path, index: index, replaces: true))
      index += 1
    }
    steps += newFolders.sorted().map { .makeFolder($0) }
    steps += puts
    for path in diff.stale {
      steps.append(.remove(path, index: index))
      index += 1
    }

    guard !diff.stale.isEmpty else { return WriteJournal(steps: steps) }
    // A folder is emptied when it had entries and every one of them goes.
    var children: [String: Int] = [:]
    for path in existing.entries.keys {
      children[TreeWriter.parentFolder(of: path) ?? "", default: 0] += 1
    }
    var gone: [String: Int] = [:]
    for path in diff.stale {
      gone[TreeWriter.parentFolder(of: path) ?? "", default: 0] += 1
    }
    // Only folders above a stale file can be emptied; deepest first, so a folder's own
    // removal is counted before its parent is looked at.
    var candidates: Set<String> = []
    for path in diff.stale {
      var folder = TreeWriter.parentFolder(of: path)
      while let current = folder, candidates.insert(current).inserted {
        folder = TreeWriter.parentFolder(of: current)
      }
    }
    var emptied: [String] = []
    for folder in candidates.sorted(by: { depth($0) > depth($1) }) {
      guard !filled.contains(folder), let count = children[folder], gone[folder] == count
      else { continue }
      emptied.append(folder)
      gone[TreeWriter.parentFolder(of: folder) ?? "", default: 0] += 1
    }
    steps += emptied.sorted(by: >).map { .removeFolder($0, mode: mode($0)) }
    return WriteJournal(steps: steps)
  }

  private static func depth(_ path: String) -> Int {
    path.utf8.count(where: { $0 == UInt8(ascii: "/") })
  }

  /// The journal as text: a header, one line per step (fields separated by tabs, the path
  /// last), and `end`, so a cut-off journal is never taken for a whole one.
  public var text: String {
    var text = Self.header + "\n"
    for step in steps {
      switch step {
      case .makeFolder(let path): text += "mkdir\t\(path)\n"
      case .put(let path, let index, let replaces):
        text += "put\t\(index)\t\(replaces ? 1 : 0)\t\(path)\n"
      case .remove(let path, let index): text += "rm\t\(index)\t\(path)\n"
      case .removeFolder(let path, let mode):
        text += "rmdir\t\(String(mode, radix: 8))\t\(path)\n"
      }
    }
    return text + "end\n"
  }

  /// Reads `text` back; `nil` when it is not a whole journal.
  public init?(text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.first == Substring(Self.header), lines.last == "", lines.dropLast().last == "end"
    else { return nil }
    lines = Array(lines.dropFirst().dropLast(2))
    var steps: [Step] = []
    for line in lines {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard let path = fields.last.map(String.init), !path.isEmpty,
        NameRules.isSafeRelativePath(path)
      else { return nil }
      switch (fields.first, fields.count) {
      case ("mkdir", 2): steps.append(.makeFolder(path))
      case ("put", 4):
        guard let index = Int(fields[1]), fields[2] == "0" || fields[2] == "1" else { return nil }
        steps.append(.put(path, index: index, replaces: fields[2] == "1"))
      case ("rm", 3):
        guard let index = Int(fields[1]) else { return nil }
        steps.append(.remove(path, index: index))
      case ("rmdir", 3):
        guard let mode = UInt32(fields[1], radix: 8) else { return nil }
        steps.append(.removeFolder(path, mode: mode))
      default: return nil
      }
    }
    self.steps = steps
  }
}
