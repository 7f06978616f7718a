/// The input files of a repository, read from disk once: the only thing later stages
/// know about the file system.
///
/// Paths are relative to the root and use `/`. Only the folders SPEC.md names are read
/// (`render.yaml`, `templates/`, `services/`, `environments/`, `crds/`), so names in
/// input files resolve against this map, never against the disk: no name can reach a
/// file outside the repository.
public struct Repository: Sendable {
  /// The absolute path of the repository root.
  public var root: String
  /// Every YAML file read, by relative path.
  public var files: [String: SourceFile]
  /// Every folder seen, by relative path (so an empty `services/x/` can be reported).
  public var directories: Set<String>
  /// Files that exist but could not be read (already reported, say as not UTF-8): a
  /// parser that misses one says nothing more, rather than "has no service.yaml".
  public var unreadableFiles: Set<String>
  /// The paths of every location made from this load, shared by the stages after it
  /// (see ARCHITECTURE.md, "Source locations").
  public let fileNames: SourceFileNames

  public init(
    root: String, files: [String: SourceFile], directories: Set<String>,
    unreadableFiles: Set<String> = [], fileNames: SourceFileNames
  ) {
    self.root = root
    self.fileNames = fileNames
    self.files = files
    self.directories = directories
    self.unreadableFiles = unreadableFiles
  }

  /// Whether the root looks like a render repository: it has `render.yaml`, or a
  /// `services/` or `environments/` folder. Commands refuse to write `rendered/` (or to
  /// report "0 resources valid") anywhere else.
  public var isRenderRepository: Bool {
    files["render.yaml"] != nil || unreadableFiles.contains("render.yaml")
      || directories.contains("services") || directories.contains("environments")
  }

  /// The names of the folders directly inside `folder`, sorted.
  public func subdirectories(of folder: String) -> [String] {
    let prefix = folder + "/"
    return directories.compactMap { path -> String? in
      guard path.hasPrefix(prefix) else { return nil }
      let rest = path.dropFirst(prefix.count)
      return rest.contains("/") ? nil : String(rest)
    }.sorted()
  }

  /// The files directly inside `folder` (not in its subfolders), sorted by path.
  public func files(in folder: String) -> [SourceFile] {
    let prefix = folder + "/"
    return files.values.filter {
      $0.path.hasPrefix(prefix) && !$0.path.dropFirst(prefix.count).contains("/")
    }.sorted { $0.path < $1.path }
  }

  /// The files anywhere below `folder`, sorted by path.
  public func files(under folder: String) -> [SourceFile] {
    let prefix = folder + "/"
    return files.values.filter { $0.path.hasPrefix(prefix) }.sorted { $0.path < $1.path }
  }
}
