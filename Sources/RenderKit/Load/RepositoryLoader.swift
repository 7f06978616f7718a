#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a repository's input files from disk: the Load stage.
///
/// Only the folders SPEC.md names are read, and in them the `*.yaml`, `*.yml` and
/// `*.json` files. Symbolic links are followed only when they resolve inside the
/// repository; one that leaves it is an error, as is a file that is not UTF-8, a file
/// over `maxFileSize`, anything that is neither a file nor a folder (a FIFO, socket or
/// device, which is never opened), and a folder reached a second time through a link
/// (each real folder is read once). Folders and files whose names start with `.` are
/// skipped.
public struct RepositoryLoader: Sendable {
  /// The folders that hold inputs, read recursively.
  public static let inputFolders = ["templates", "services", "environments", "crds"]
  /// Deepest folder nesting read below an input folder.
  static let maxDepth = 8
  /// The largest input file render reads: 16 MiB. Kubernetes objects are at most 1.5 MB
  /// (etcd's limit), so a bigger file is a mistake, and reading it whole would cost memory.
  public static let maxFileSize = 16 << 20

  /// Whether a file that is not YAML is read anyway: any file in a service's or an
  /// environment's folder, for `configMapGenerator` / `secretGenerator` `files`.
  static func isGeneratorData(_ path: String) -> Bool {
    (path.hasPrefix("services/") || path.hasPrefix("environments/"))
      && path.utf8.filter { $0 == UInt8(ascii: "/") }.count >= 2
  }

  /// Whether a file in a folder of plain manifests (`manifests/`, `resources/`, `crds/`)
  /// is one: YAML (`.yaml`, `.yml`) or JSON, which is YAML too.
  public static func isManifestFile(_ path: String) -> Bool {
    path.hasSuffix(".yaml") || path.hasSuffix(".yml") || path.hasSuffix(".json")
  }

  public let root: String

  /// - Parameter root: the repository root, absolute or relative to the current folder.
  public init(root: String) {
    self.root = root
  }

  /// Reads the files; their locations, and those of everything made from them, are
  /// numbered in the returned repository's new `fileNames`.
  public func load() -> (repository: Repository, diagnostics: [Diagnostic]) {
    let fileNames = SourceFileNames()
    var walker = Walker(root: FileSystem.realPath(root) ?? root, fileNames: fileNames)
    if FileSystem.targetType(walker.root) != .directory {
      walker.reject(root, "the repository root '\(root)' is not a folder")
    } else {
      walker.visit("render.yaml", depth: 0, topLevelFile: true)
      for folder in Self.inputFolders {
        walker.visit(folder, depth: 0, topLevelFile: false)
        if let type = walker.types[folder], type != .directory {
          walker.reject(
            folder, "'\(folder)' must be a folder, but it is \(Walker.describe(type))",
            help: "render reads \(folder)/ as a folder of inputs; move the file out of the way")
        }
      }
      walker.readPending()
      // render.yaml's `schemas:` folders hold CRDs (YAML) and Kubernetes schemas (JSON).
      for folder in Self.schemaFolders(in: walker.files[SettingsParser.file], fileNames) {
        walker.visit(folder, depth: 0, topLevelFile: false, json: true)
      }
      walker.readPending()
    }
    return (
      Repository(
        root: walker.root, files: walker.files, directories: walker.directories,
        unreadableFiles: walker.unreadableFiles, fileNames: fileNames),
      walker.diagnostics
    )
  }

  /// The `schemas:` folders render.yaml lists, read before render.yaml is parsed (the
  /// parser reports a malformed list); only folders inside the repository.
  static func schemaFolders(in settings: SourceFile?, _ fileNames: SourceFileNames) -> [String] {
    guard let settings,
      let document = try? YAMLParser.parse(
        settings.text, file: settings.path, fileNames: fileNames
      ).first
    else { return [] }
    return (document["schemas"]?.sequence ?? []).compactMap(\.string).map {
      $0.hasSuffix("/") ? String($0.dropLast()) : $0
    }.filter { NameRules.isSafeRelativePath($0) && $0 != "." && !inputFolders.contains($0) }
  }

  /// A file that is not UTF-8, reported at its first bad byte.
  static func notUTF8(
    _ bytes: [UInt8], path: String, fileNames: SourceFileNames
  ) -> Diagnostic {
    bytes.withUnsafeBufferPointer { buffer in
      guard let offset = TextPosition.firstInvalidUTF8(in: buffer) else {
        return .input("'\(path)' is not UTF-8 text", at: fileNames.start(of: path))
      }
      let position = TextPosition.location(ofByte: offset, in: buffer)
      let hex = TextEscaping.hex(UInt32(buffer[offset]), digits: 2)
      return .input(
        "'\(path)' is not UTF-8 text: byte 0x\(hex) at line \(position.line), column \(position.column)",
        at: fileNames.location(path, line: position.line, column: position.column),
        help: "save the file as UTF-8")
    }
  }

  private struct Walker {
    let root: String
    let fileNames: SourceFileNames
    var files: [String: SourceFile] = [:]
    var directories: Set<String> = []
    var unreadableFiles: Set<String> = []
    var diagnostics: [Diagnostic] = []
    /// The type of each top-level entry visited (links resolved).
    var types: [String: FileSystem.EntryType] = [:]
    /// Every real folder read, by device and inode, with the path it was read as: a link
    /// back to one is reported, not read again (links fanning out to the same folders
    /// would otherwise multiply the walk).
    var visitedFolders: [FileSystem.FileIdentity: String] = [:]

    /// Reports `path` as a whole (line 1, column 1) for the reason `message` gives.
    mutating func reject(_ path: String, _ message: String, help: String? = nil) {
      diagnostics.append(.input(message, at: fileNames.start(of: path), help: help))
    }

    static func describe(_ type: FileSystem.EntryType) -> String {
      switch type {
      case .file: "a file"
      case .directory: "a folder"
      case .symlink: "a symbolic link"
      case .other: "neither a file nor a folder"
      }
    }

    init(root: String, fileNames: SourceFileNames) {
      self.root = root
      self.fileNames = fileNames
    }

    /// - Parameter json: also read `*.json` files (in schema folders).
    /// - Parameter knownType: the entry's type as its directory listed it, if it did.
    mutating func visit(
      _ relative: String, depth: Int, topLevelFile: Bool, json: Bool = false,
      knownType: FileSystem.EntryType? = nil
    ) {
      let absolute = root + "/" + relative
      guard var type = knownType ?? FileSystem.entryType(absolute) else { return }
      if type == .symlink {
        guard let target = FileSystem.realPath(absolute) else {
          reject(relative, "'\(relative)' is a symbolic link to nothing")
          return
        }
        guard target == root || target.hasPrefix(root + "/") else {
          reject(
            relative,
            "'\(relative)' is a symbolic link that leaves the repository (to '\(target)')",
            help: "render reads only files inside the repository; copy the file in instead")
          return
        }
        type = FileSystem.targetType(absolute) ?? .other
      }
      if depth == 0 { types[relative] = type }
      switch type {
      case .directory where topLevelFile:
        reject(relative, "'\(relative)' is a folder; render's settings file must be a file")
      case .directory:
        if let identity = FileSystem.identity(absolute) {
          if let first = visitedFolders[identity] {
            reject(
              relative,
              "'\(relative)' is the folder '\(first)' again (through a symbolic link); render reads each folder once",
              help: "copy the files instead of linking the folder twice")
            return
          }
          visitedFolders[identity] = relative
        }
        guard depth <= RepositoryLoader.maxDepth else {
          reject(relative, "'\(relative)' is nested too deeply for render to read")
          return
        }
        directories.insert(relative)
        let entries: [(name: String, type: FileSystem.EntryType?)]
        do {
          entries = try FileSystem.listEntries(absolute)
        } catch {
          reject(relative, error.description)
          return
        }
        for (name, type) in entries where !name.hasPrefix(".") {
          visit(
            relative + "/" + name, depth: depth + 1, topLevelFile: false, json: json,
            knownType: type)
        }
      case .file:
        if topLevelFile || RepositoryLoader.isManifestFile(relative) {
          read(relative, absolute: absolute)
        } else if RepositoryLoader.isGeneratorData(relative) {
          pending.append((relative, absolute, quiet: true))
        }
      case .other, .symlink:
        reject(
          relative,
          "'\(relative)' is \(FileSystem.specialFileKind(absolute)), not a file or folder; render reads only files and folders",
          help: "remove it from the repository")
      }
    }

    /// Files found by the walk, read afterwards in parallel (a large repository has
    /// thousands).
    /// `quiet`: a file that only a generator may name (`app.properties`): one that cannot
    /// be read is only marked unreadable, and a generator naming it says so.
    var pending: [(relative: String, absolute: String, quiet: Bool)] = []

    mutating func read(_ relative: String, absolute: String) {
      pending.append((relative, absolute, quiet: false))
    }

    mutating func readPending() {
      let fileNames = self.fileNames
      let results = pending.parallelMap { file -> Result<SourceFile, Diagnostic> in
        let bytes: [UInt8]
        do throws(FileSystem.Error) {
          bytes = try FileSystem.readBytes(file.absolute, limit: RepositoryLoader.maxFileSize)
        } catch {
          if error.code == EFBIG {
            return .failure(
              .input(
                "'\(file.relative)' is larger than 16 MiB, the most render reads from one input file",
                at: fileNames.start(of: file.relative),
                help:
                  "Kubernetes objects are at most 1.5 MB; split the file or move it out of the repository's input folders"
              ))
          }
          return .failure(.input(error.description, at: fileNames.start(of: file.relative)))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
          return .failure(
            RepositoryLoader.notUTF8(bytes, path: file.relative, fileNames: fileNames))
        }
        return .success(SourceFile(path: file.relative, text: text))
      }
      for (file, result) in zip(pending, results) {
        switch result {
        case .success(let read): files[read.path] = read
        case .failure(let diagnostic):
          if !file.quiet { diagnostics.append(diagnostic) }
          unreadableFiles.insert(fileNames.path(of: diagnostic.location.fileID))
        }
      }
      pending = []
    }
  }
}
