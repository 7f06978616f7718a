#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a render to disk changing only what changes, so that a run that is killed or
/// fails part way ends as the old tree or the new one.
///
/// A first build (no output folder yet) builds the whole tree in the staging folder
/// beside the output folder and renames it into place. Every later build is incremental:
/// the new contents of changed files are written into the staging folder, the old
/// contents of replaced files are hard-linked there, and a `WriteJournal` of the steps is
/// written (its rename into place is the commit point). Only then are the files moved
/// into place, stale ones moved aside and emptied folders removed; unchanged files and
/// folders are not touched at all. A step that fails undoes the steps before it. A run
/// killed before the commit point left the tree alone, and the next run removes the
/// staging folder; a run killed after it is finished by the next run (`recover()`), or
/// undone if finishing fails.
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
  /// Left by render versions that swapped whole trees: put back or removed by `recover()`.
  var retiredPath: String { parent + "/.render-old-" + baseName }
  var journalPath: String { stagingPath + "/journal" }
  /// The journal of a write that is being undone.
  var rollbackPath: String { stagingPath + "/rollback" }

  /// Why the output folder `folder` (relative to `root`) cannot be written, if it
  /// cannot: the folder, or a folder on the way to it, is a file, a link or a special
  /// file. Checked before anything is written, so the error can point at render.yaml.
  public static func outputFolderProblem(root: String, folder: String) -> String? {
    var path = root
    var relative = ""
    for component in folder.split(separator: "/") {
      path += "/" + component
      relative += (relative.isEmpty ? "" : "/") + component
      switch FileSystem.entryType(path) {
      case nil: return nil
      case .directory?: continue
      case .symlink?:
        return "'\(relative)' is a symbolic link; render never writes through links"
      case .file?:
        return relative == folder
          ? "the output folder '\(folder)' is a file"
          : "the output folder '\(folder)' is under '\(relative)', which is a file"
      case .other?:
        return
          "'\(relative)' is neither a file nor a folder; render cannot write the output folder '\(folder)' there"
      }
    }
    return nil
  }

  /// Whether a write was interrupted after its commit point: the output folder may hold
  /// part of it until `recover()` finishes it.
  public var hasPendingWrite: Bool {
    FileSystem.entryType(journalPath) == .file || FileSystem.entryType(rollbackPath) == .file
  }

  /// Finishes or undoes what an interrupted run left: a committed journal is rolled
  /// forward (or back, if that fails or a roll-back was under way), and a staging folder
  /// without one is removed. Call with the output lock held.
  public func recover() throws(FileSystem.Error) {
    if FileSystem.entryType(retiredPath) != nil {
      if FileSystem.entryType(outputPath) == nil {
        try FileSystem.rename(retiredPath, outputPath)
      } else {
        try FileSystem.removeTree(retiredPath)
      }
    }
    if FileSystem.entryType(outputPath) != .directory {
      // The output folder was removed since: there is nothing to finish or undo.
    } else if FileSystem.entryType(rollbackPath) == .file {
      try rollBack(try readJournal(rollbackPath))
    } else if FileSystem.entryType(journalPath) == .file {
      let journal = try readJournal(journalPath)
      do {
        try apply(journal)
      } catch {
        // The old tree is back whole; the build that follows reports what fails.
        try rollBack(journal)
        return
      }
    }
    try FileSystem.removeTree(stagingPath)
  }

  private func readJournal(_ path: String) throws(FileSystem.Error) -> WriteJournal {
    let bytes = try FileSystem.readBytes(path)
    guard let text = String(validating: bytes, as: UTF8.self),
      let journal = WriteJournal(text: text)
    else {
      throw FileSystem.Error(
        path: path,
        operation:
          "the journal of an interrupted write is damaged; check \(baseName)/ by hand (git status), then delete",
        code: EINVAL)
    }
    return journal
  }

  /// Applies `diff` (made from `existing`) to disk. Does nothing when the diff is clean.
  /// On failure the output folder is as it was (same files, same bytes) and no staging
  /// folder is left, unless undoing failed too, in which case the journal stays for the
  /// next run to finish.
  public func write(_ diff: OutputDrift, existing: ExistingTree) throws(FileSystem.Error) {
    guard !diff.isClean else { return }
    try makeParentFolders()
    try FileSystem.removeTree(stagingPath)
    try FileSystem.makeDirectory(stagingPath)
    guard existing.exists else {
      do {
        try writeWholeTree(diff)
      } catch {
        try? FileSystem.removeTree(stagingPath)
        throw error
      }
      try FileSystem.removeTree(stagingPath)
      return
    }
    let output = outputPath
    let journal = WriteJournal.plan(diff, existing: existing) {
      FileSystem.permissions(output + "/" + $0) ?? 0o755
    }
    do {
      try stage(journal, diff: diff)
      try FileSystem.createFile(stagingPath + "/journal.tmp", bytes: Array(journal.text.utf8))
      // The commit point: from here on a killed run is finished by the next one.
      try FileSystem.rename(stagingPath + "/journal.tmp", journalPath)
    } catch {
      try? FileSystem.removeTree(stagingPath)
      throw error
    }
    do {
      try apply(journal)
    } catch {
      try rollBack(journal)
      throw error
    }
    // The journal goes first: a run killed while the rest is removed has nothing to redo.
    try FileSystem.removeFile(journalPath)
    try FileSystem.removeTree(stagingPath)
  }

  /// Writes the new contents into the staging folder and links the old contents of the
  /// files they replace beside them. Touches nothing in the output folder.
  private func stage(_ journal: WriteJournal, diff: OutputDrift) throws(FileSystem.Error) {
    var newContents: [String: [UInt8]] = [:]
    for file in diff.added { newContents[file.path] = file.contents }
    for update in diff.updated { newContents[update.path] = update.new }
    let contents = newContents
    let puts = journal.steps.compactMap { step -> (String, Int, Bool)? in
      guard case .put(let path, let index, let replaces) = step else { return nil }
      return (path, index, replaces)
    }
    let staging = stagingPath
    let output = outputPath
    let failures = puts.parallelMap { path, index, replaces -> FileSystem.Error? in
      do throws(FileSystem.Error) {
        try FileSystem.createFile(staging + "/\(index).new", bytes: contents[path] ?? [])
        if replaces {
          try Self.keepOld(output + "/" + path, at: staging + "/\(index).old")
        }
        return nil
      } catch {
        return error
      }
    }
    if let failure = Self.first(failures) { throw failure }
  }

  /// Keeps the old content of a file about to be replaced: a hard link (same inode, so
  /// putting it back restores the file exactly), or a copy where links are not possible.
  private static func keepOld(_ path: String, at kept: String) throws(FileSystem.Error) {
    do {
      try FileSystem.hardLink(path, kept)
    } catch {
      // An immutable or append-only file cannot be linked, nor replaced: say which.
      if error.code == EPERM || error.code == EACCES {
        throw FileSystem.Error(path: path, operation: "cannot replace", code: error.code)
      }
      try FileSystem.createFile(kept, bytes: try FileSystem.readBytes(path))
    }
  }

  /// Applies every step of `journal` that is not applied yet.
  func apply(_ journal: WriteJournal) throws(FileSystem.Error) {
    let output = outputPath
    let staging = stagingPath
    var files: [WriteJournal.Step] = []
    for step in journal.steps {
      switch step {
      case .makeFolder(let path):
        try FileSystem.makeDirectory(output + "/" + path)
        guard FileSystem.entryType(output + "/" + path) == .directory else {
          throw FileSystem.Error(
            path: output + "/" + path, operation: "cannot create directory", code: ENOTDIR)
        }
      case .put, .remove:
        files.append(step)
      case .removeFolder(let path, _):
        if !files.isEmpty {
          try Self.run(files) { step throws(FileSystem.Error) in
            try Self.forward(step, output: output, staging: staging)
          }
          files = []
        }
        FileSystem.removeEmptyDirectory(output + "/" + path)
      }
    }
    try Self.run(files) { step throws(FileSystem.Error) in
      try Self.forward(step, output: output, staging: staging)
    }
  }

  private static func forward(
    _ step: WriteJournal.Step, output: String, staging: String
  ) throws(FileSystem.Error) {
    switch step {
    case .put(let path, let index, _):
      let new = staging + "/\(index).new"
      if FileSystem.entryType(new) != nil { try FileSystem.rename(new, output + "/" + path) }
    case .remove(let path, let index):
      let old = staging + "/\(index).old"
      if FileSystem.entryType(old) == nil, FileSystem.entryType(output + "/" + path) == .file {
        try FileSystem.rename(output + "/" + path, old)
      }
    case .makeFolder, .removeFolder:
      break
    }
  }

  /// Undoes every step of `journal` (a step that never ran is left as it is), last first,
  /// then removes the staging folder. The journal is renamed to `rollback` first, so a
  /// run killed while undoing is undone, not finished, by the next one.
  func rollBack(_ journal: WriteJournal) throws(FileSystem.Error) {
    if FileSystem.entryType(journalPath) == .file {
      try FileSystem.rename(journalPath, rollbackPath)
    }
    let output = outputPath
    let staging = stagingPath
    var files: [WriteJournal.Step] = []
    for step in journal.steps.reversed() {
      switch step {
      case .put, .remove:
        files.append(step)
      case .makeFolder(let path):
        try Self.run(files) { step throws(FileSystem.Error) in
          try Self.backward(step, output: output, staging: staging)
        }
        files = []
        FileSystem.removeEmptyDirectory(output + "/" + path)
      case .removeFolder(let path, let mode):
        if FileSystem.entryType(output + "/" + path) == nil {
          try FileSystem.makeDirectory(output + "/" + path, mode: mode)
        }
      }
    }
    try Self.run(files) { step throws(FileSystem.Error) in
      try Self.backward(step, output: output, staging: staging)
    }
    try FileSystem.removeTree(stagingPath)
  }

  private static func backward(
    _ step: WriteJournal.Step, output: String, staging: String
  ) throws(FileSystem.Error) {
    switch step {
    case .put(let path, let index, let replaces):
      if replaces {
        // Renaming a link over another link to the same file does nothing: a step that
        // never ran is left as it was.
        let old = staging + "/\(index).old"
        if FileSystem.entryType(old) != nil { try FileSystem.rename(old, output + "/" + path) }
      } else if FileSystem.entryType(staging + "/\(index).new") == nil {
        try FileSystem.removeFile(output + "/" + path)
      }
    case .remove(let path, let index):
      let old = staging + "/\(index).old"
      if FileSystem.entryType(old) != nil, FileSystem.entryType(output + "/" + path) == nil {
        try FileSystem.rename(old, output + "/" + path)
      }
    case .makeFolder, .removeFolder:
      break
    }
  }

  /// Runs `body` on every step, on every core; throws the failure at the first path.
  private static func run(
    _ steps: [WriteJournal.Step],
    _ body: @Sendable (WriteJournal.Step) throws(FileSystem.Error) -> Void
  ) throws(FileSystem.Error) {
    let failures = steps.parallelMap { step -> FileSystem.Error? in
      do throws(FileSystem.Error) {
        try body(step)
        return nil
      } catch {
        return error
      }
    }
    if let failure = first(failures) { throw failure }
  }

  /// A first build: the whole tree, built in the staging folder and renamed into place.
  private func writeWholeTree(_ diff: OutputDrift) throws(FileSystem.Error) {
    let tree = stagingPath + "/tree"
    try FileSystem.makeDirectory(tree)
    var folders: Set<String> = []
    for file in diff.added {
      var folder = Self.parentFolder(of: file.path)
      while let current = folder, folders.insert(current).inserted {
        folder = Self.parentFolder(of: current)
      }
    }
    let levels = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
    for depth in levels.keys.sorted() {
      let failures = (levels[depth] ?? []).parallelMap { folder -> FileSystem.Error? in
        do throws(FileSystem.Error) {
          try FileSystem.makeDirectory(tree + "/" + folder)
          return nil
        } catch {
          return error
        }
      }
      if let failure = Self.first(failures) { throw failure }
    }
    let failures = diff.added.parallelMap { file -> FileSystem.Error? in
      do throws(FileSystem.Error) {
        try FileSystem.createFile(tree + "/" + file.path, bytes: file.contents)
        return nil
      } catch {
        return error
      }
    }
    if let failure = Self.first(failures) { throw failure }
    try FileSystem.rename(tree, outputPath)
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
}
