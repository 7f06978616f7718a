import Foundation

/// A scratch folder for the `render init` and reconciler end-to-end tests, and a way to
/// run the built `render` binary in it. Removed when the test is done.
final class InitSandbox {
  /// What one run printed and how it ended.
  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String

    var transcript: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)---" }
  }

  /// An error that ends a test with a message.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The canonical path of the scratch folder.
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("render-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    path = url.resolvingSymlinksInPath().path
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The `render` executable built beside the test bundle.
  static var executable: URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On macOS the test runner is inside an .xctest bundle.
    while folder.pathExtension == "xctest"
      || ["MacOS", "Contents"].contains(folder.lastPathComponent)
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("render")
  }

  /// Runs `render` with `arguments` in `directory` (relative to the sandbox) and waits.
  /// Output goes through files, so a chatty run cannot block on a full pipe.
  func render(_ arguments: String..., in directory: String = "") throws -> Run {
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("render-init-output-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: output) }
    _ = FileManager.default.createFile(atPath: output + "/out", contents: nil)
    _ = FileManager.default.createFile(atPath: output + "/err", contents: nil)
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: absolute(directory))
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output + "/out"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: output + "/err"))
    try process.run()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus,
      stdout: try String(contentsOfFile: output + "/out", encoding: .utf8),
      stderr: try String(contentsOfFile: output + "/err", encoding: .utf8))
  }

  func absolute(_ relative: String) -> String {
    relative.isEmpty ? path : path + "/" + relative
  }

  func write(_ relative: String, _ text: String) throws {
    let url = URL(fileURLWithPath: absolute(relative))
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: absolute(relative), encoding: .utf8)
  }

  /// Copies a file or folder of the package (`crds`, say) into the sandbox.
  func copyFromPackage(_ relative: String) throws {
    let package = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    try FileManager.default.copyItem(
      atPath: package.appendingPathComponent(relative).path, toPath: absolute(relative))
  }

  /// Every regular file under `relative`, by path relative to it, with its bytes.
  func files(under relative: String = "") throws -> [String: Data] {
    let root = absolute(relative)
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else {
      throw Failure(description: "cannot list \(root)")
    }
    while let entry = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let full = root + "/" + entry
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      result[entry] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
    return result
  }
}
