/// What `render init` will do in a folder, decided before anything is written: the
/// skeleton files to create, an existing `.gitignore` to extend, existing files to keep,
/// and the files in the way (init never overwrites).
public struct InitPlan: Sendable {
  /// A file to write: new, or an existing `.gitignore` with render's entries added.
  public struct Write: Sendable, Equatable {
    public var path: String
    public var contents: String
    public var replaces: Bool
  }

  /// The folder of the new repository, as given (without a trailing slash).
  public var root: String
  public var writes: [Write] = []
  /// Skeleton paths that exist (or whose folder is a file): init refuses.
  public var conflicts: [String] = []
  /// Existing files kept as they are.
  public var kept: [String] = []

  /// The folder argument as init uses it: a trailing slash dropped.
  public static func root(of directory: String) -> String {
    directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
  }

  /// Plans the skeleton `files` into `root`, reading what exists there.
  public static func plan(
    root: String, files: [ProjectSkeleton.File]
  ) throws(WorkflowError) -> InitPlan {
    if let type = FileSystem.targetType(root), type != .directory {
      throw .usage("'\(root)' exists and is not a folder")
    }
    var plan = InitPlan(root: root)
    for file in files {
      let path = root + "/" + file.path
      if let blocked = blockingAncestor(of: file.path, root: root) {
        if !plan.conflicts.contains(blocked) { plan.conflicts.append(blocked) }
        continue
      }
      guard let type = FileSystem.entryType(path) else {
        plan.writes.append(Write(path: file.path, contents: file.contents, replaces: false))
        continue
      }
      guard ProjectSkeleton.mergeablePaths.contains(file.path), type == .file else {
        plan.conflicts.append(file.path)
        continue
      }
      if file.path == ".gitignore" {
        let existing: [UInt8]
        do {
          existing = try FileSystem.readBytes(path)
        } catch {
          throw .failed("\(error)")
        }
        if let merged = ProjectSkeleton.gitignore(
          merging: String(decoding: existing, as: UTF8.self))
        {
          plan.writes.append(Write(path: file.path, contents: merged, replaces: true))
        } else {
          plan.kept.append(file.path)
        }
      } else {
        plan.kept.append(file.path)
      }
    }
    return plan
  }

  /// `root/` as printed before each path; nothing for the current folder.
  public var shownPrefix: String { root == "." ? "" : root + "/" }

  /// Refuses when a skeleton file is in the way, listing every one.
  public func checkConflicts() throws(WorkflowError) {
    guard !conflicts.isEmpty else { return }
    throw .failed(
      message:
        "render: nothing written: render init never overwrites files, and these exist in \(root == "." ? "the current folder" : "'\(root)'"):\n"
        + conflicts.map { "  \(shownPrefix)\($0)\n" }.joined()
        + "render: move them away, or run render init with a new folder.\n")
  }

  /// Creates the folders and writes the files.
  public func write() throws(WorkflowError) {
    do throws(FileSystem.Error) {
      try FileSystem.makeDirectories(root)
      for file in writes {
        try FileSystem.makeDirectories(root + "/" + Self.parent(of: file.path))
        try InputFileWriter.write(
          file.contents, to: root + "/" + file.path, creating: !file.replaces)
      }
    } catch {
      throw .failed("\(error)")
    }
  }

  /// `created templates/web/deployment.yaml` for each write, `kept ...` for each file
  /// left alone.
  public var report: String {
    var text = ""
    for write in writes {
      text += "\(write.replaces ? "updated" : "created") \(shownPrefix)\(write.path)\n"
    }
    for path in kept {
      text += "kept    \(shownPrefix)\(path) (it exists)\n"
    }
    return text
  }

  /// The first folder on the way to `path` that exists as something other than a
  /// folder (a file called `templates`, say): the skeleton cannot go there.
  static func blockingAncestor(of path: String, root: String) -> String? {
    var folder = ""
    for component in path.split(separator: "/").dropLast() {
      folder += (folder.isEmpty ? "" : "/") + component
      if let type = FileSystem.targetType(root + "/" + folder), type != .directory {
        return folder
      }
    }
    return nil
  }

  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}
