import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A repository in a fresh temporary folder, deleted with everything in it when the
/// value goes away. Paths are relative to the repository root. It writes and reads files,
/// runs the `render` binary on the repository and runs git in it; the git-based helpers
/// (`GitScratchRepository`, `VersionPinRepository`) are built on it.
///
/// The root is `<scratch>/repo`; the scratch folder around it holds what a test needs
/// outside the repository (a lock holder's marker files, a link target, git's HOME).
final class TemporaryRepository {
  /// The folder that holds the repository; removed on deinit.
  let scratch: String
  /// The repository root, absolute and canonical.
  let root: String

  /// - Parameter parent: where to make the scratch folder (default: the system's
  ///   temporary folder), such as a small file system mounted for the test.
  init(_ files: [String: String] = [:], in parent: String? = nil) throws {
    if let parent {
      scratch = parent + "/scratch"
      try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
    } else {
      scratch = try TemporaryFolder.make(prefix: "render-e2e")
    }
    root = scratch + "/repo"
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false)
    try write(files)
  }

  deinit {
    // FileManager removes links, never what they point at.
    try? FileManager.default.removeItem(atPath: scratch)
  }

  /// The absolute path of `path`; the root itself for "".
  func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

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

  /// Copies a file or folder of the package (`crds`, say) to the same path in the
  /// repository.
  func copyFromPackage(_ path: String) throws {
    try copy(from: PackageRoot.path + "/" + path, to: path)
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
    try FileManager.default.contentsOfDirectory(atPath: absolute(path)).sorted()
  }

  /// Every regular file under `folder`, relative to it, sorted.
  func files(under folder: String = "rendered") throws -> [String] {
    try snapshot(folder).files.keys.sorted()
  }

  /// Everything under `folder` (default: the output folder; "" for the whole repository)
  /// and its own status.
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
    try render(arguments)
  }

  /// Runs `render <arguments> --root <platform>` from an unrelated working folder (the
  /// scratch folder), where `platform` is a folder of the repository (default: the root),
  /// with `environment` over the test's own.
  @discardableResult
  func render(
    _ arguments: [String], platform: String = "", environment: [String: String] = [:]
  ) throws -> RenderBinary.Result {
    try start(arguments, platform: platform, environment: environment).finish()
  }

  /// Starts what `render(_:platform:environment:)` runs, without waiting for it.
  func start(
    _ arguments: [String], platform: String = "", environment: [String: String] = [:]
  ) throws -> RenderBinary.Running {
    try RenderBinary.start(
      arguments + ["--root", absolute(platform)], in: URL(fileURLWithPath: scratch),
      environment: environment)
  }

  /// Runs `render <arguments>` with `folder` (default: the repository root) as the
  /// working folder.
  @discardableResult
  func renderHere(_ arguments: String..., in folder: String = "") throws -> RenderBinary.Result {
    try renderHere(arguments, in: folder)
  }

  /// Runs `render <arguments>` with `folder` (default: the repository root) as the
  /// working folder, with `environment` over the test's own.
  @discardableResult
  func renderHere(
    _ arguments: [String], in folder: String = "", environment: [String: String] = [:]
  ) throws -> RenderBinary.Result {
    try RenderBinary.run(
      arguments, in: URL(fileURLWithPath: absolute(folder)), environment: environment)
  }

  /// A first, successful build; throws with the transcript if it is not one. Returns
  /// the output folder as it then is.
  @discardableResult
  func seed(_ arguments: String...) throws -> TreeSnapshot {
    let result = try render(["build"] + arguments)
    guard result.status == 0, result.errors.isEmpty else {
      throw TestFailure("the seeding build failed:\n\(result.transcript)")
    }
    return try snapshot()
  }

  /// Leftovers of render's atomic write (`.render-staging-*`, `.render-old-*`) at the
  /// root, which no finished run may leave (the cache of compiled results stays).
  func leftovers() throws -> [String] {
    try list().filter { $0.hasPrefix(".render-") && $0 != ".render-cache" }
  }

  // MARK: Running git

  /// Git as the test sets it up and nothing else: no system configuration, and no user
  /// configuration either (HOME is the scratch folder, which has no .gitconfig).
  var gitIsolation: [String: String] { ["GIT_CONFIG_NOSYSTEM": "1", "HOME": scratch] }

  /// Makes the root a git repository: `git init --quiet` with `options`, then a local
  /// identity and unsigned commits. Every git run gets `environment` as `git` does.
  func initializeGit(
    _ options: [String] = [], name: String, email: String,
    environment: [String: String] = [:]
  ) throws {
    try git(["init", "--quiet"] + options, environment: environment)
    try git(["config", "user.name", name], environment: environment)
    try git(["config", "user.email", email], environment: environment)
    try git(["config", "commit.gpgsign", "false"], environment: environment)
  }

  /// Runs `git -C <root> <arguments>` with the test's environment, then `gitIsolation`,
  /// then `environment` over it. Returns its standard output; throws with what it printed
  /// when it fails.
  @discardableResult
  func git(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root] + arguments
    var merged = ProcessInfo.processInfo.environment
    for (key, value) in gitIsolation { merged[key] = value }
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
      throw TestFailure(
        "git \(arguments.joined(separator: " ")) failed: "
          + String(decoding: errorData, as: UTF8.self) + text)
    }
    return text
  }
}
