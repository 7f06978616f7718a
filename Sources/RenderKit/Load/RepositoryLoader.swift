/// Reads a repository's input files from disk: the Load stage.
///
/// Only the folders SPEC.md names are read. Symbolic links are followed only when they
/// resolve inside the repository; one that leaves it is an error, as is a file that is
/// not UTF-8. Folders and files whose names start with `.` are skipped.
public struct RepositoryLoader: Sendable {
  /// The folders that hold inputs, read recursively.
  public static let inputFolders = ["templates", "services", "environments", "crds"]
  /// Deepest folder nesting read below an input folder.
  static let maxDepth = 8

  public let root: String

  /// - Parameter root: the repository root, absolute or relative to the current folder.
  public init(root: String) {
    self.root = root
  }

  public func load() -> (repository: Repository, diagnostics: [Diagnostic]) {
    var walker = Walker(root: FileSystem.realPath(root) ?? root)
    if FileSystem.targetType(walker.root) != .directory {
      walker.diagnostics.append(
        .input("the repository root '\(root)' is not a folder", at: .start(of: root)))
    } else {
      walker.visit("render.yaml", depth: 0, topLevelFile: true)
      for folder in Self.inputFolders {
        walker.visit(folder, depth: 0, topLevelFile: false)
      }
      walker.readPending()
      // render.yaml's `schemas:` folders hold CRDs (YAML) and Kubernetes schemas (JSON).
      for folder in Self.schemaFolders(in: walker.files[SettingsParser.file]) {
        walker.visit(folder, depth: 0, topLevelFile: false, json: true)
      }
      walker.readPending()
    }
    return (
      Repository(
        root: walker.root, files: walker.files, directories: walker.directories,
        unreadableFiles: walker.unreadableFiles),
      walker.diagnostics
    )
  }

  /// The `schemas:` folders render.yaml lists, read before render.yaml is parsed (the
  /// parser reports a malformed list); only folders inside the repository.
  static func schemaFolders(in settings: SourceFile?) -> [String] {
    guard let settings,
      let document = try? YAMLParser.parse(settings.text, file: settings.path).first
    else { return [] }
    return (document["schemas"]?.sequence ?? []).compactMap(\.string).map {
      $0.hasSuffix("/") ? String($0.dropLast()) : $0
    }.filter { NameRules.isSafeRelativePath($0) && $0 != "." && !inputFolders.contains($0) }
  }

  /// A file that is not UTF-8, reported at its first bad byte.
  static func notUTF8(_ bytes: [UInt8], path: String) -> Diagnostic {
    bytes.withUnsafeBufferPointer { buffer in
      guard let offset = TextPosition.firstInvalidUTF8(in: buffer) else {
        return .input("'\(path)' is not UTF-8 text", at: .start(of: path))
      }
      let position = TextPosition.location(ofByte: offset, in: buffer)
      let hex = String(buffer[offset], radix: 16, uppercase: true)
      return .input(
        "'\(path)' is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" : "")\(hex) at line \(position.line), column \(position.column)",
        at: SourceLocation(file: path, line: position.line, column: position.column),
        help: "save the file as UTF-8")
    }
  }

  private struct Walker {
    let root: String
    var files: [String: SourceFile] = [:]
    var directories: Set<String> = []
    var unreadableFiles: Set<String> = []
    var diagnostics: [Diagnostic] = []

    init(root: String) {
      self.root = root
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
          diagnostics.append(
            .input("'\(relative)' is a symbolic link to nothing", at: .start(of: relative)))
          return
        }
        guard target == root || target.hasPrefix(root + "/") else {
          diagnostics.append(
            .input(
              "'\(relative)' is a symbolic link that leaves the repository (to '\(target)')",
              at: .start(of: relative),
              help: "render reads only files inside the repository; copy the file in instead"))
          return
        }
        type = FileSystem.targetType(absolute) ?? .other
      }
      switch type {
      case .directory where !topLevelFile:
        guard depth <= RepositoryLoader.maxDepth else {
          diagnostics.append(
            .input(
              "'\(relative)' is nested too deeply for render to read", at: .start(of: relative)))
          return
        }
        directories.insert(relative)
        let entries: [(name: String, type: FileSystem.EntryType?)]
        do {
          entries = try FileSystem.listEntries(absolute)
        } catch {
          diagnostics.append(.input(error.description, at: .start(of: relative)))
          return
        }
        for (name, type) in entries where !name.hasPrefix(".") {
          visit(
            relative + "/" + name, depth: depth + 1, topLevelFile: false, json: json,
            knownType: type)
        }
      case .file:
        guard
          topLevelFile || relative.hasSuffix(".yaml") || relative.hasSuffix(".yml")
            || (json && relative.hasSuffix(".json"))
        else { return }
        read(relative, absolute: absolute)
      default:
        return
      }
    }

    /// Files found by the walk, read afterwards in parallel (a large repository has
    /// thousands).
    var pending: [(relative: String, absolute: String)] = []

    mutating func read(_ relative: String, absolute: String) {
      pending.append((relative, absolute))
    }

    mutating func readPending() {
      let results = pending.parallelMap { file -> Result<SourceFile, Diagnostic> in
        let bytes: [UInt8]
        do throws(FileSystem.Error) {
          bytes = try FileSystem.readBytes(file.absolute)
        } catch {
          return .failure(.input(error.description, at: .start(of: file.relative)))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
          return .failure(RepositoryLoader.notUTF8(bytes, path: file.relative))
        }
        return .success(SourceFile(path: file.relative, text: text))
      }
      for result in results {
        switch result {
        case .success(let file): files[file.path] = file
        case .failure(let diagnostic):
          diagnostics.append(diagnostic)
          unreadableFiles.insert(diagnostic.location.file)
        }
      }
      pending = []
    }
  }
}
