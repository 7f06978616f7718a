import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// In a chroot or minimal container without /proc, the Swift runtime on Linux reads no
/// command line at all. render once took that empty command line for `render build` and
/// rendered into `/`, whatever was typed; it must refuse instead.
@Suite struct UnreadableCommandLineTests {
  static let chroot = ["/usr/sbin/chroot", "/usr/bin/chroot"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Linux, root (chroot needs it) and the chroot and ldd commands.
  static var canChroot: Bool {
    #if os(Linux)
      getuid() == 0 && chroot != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd")
    #else
      false
    #endif
  }

  @Test(.enabled(if: canChroot, "needs Linux, root and chroot"))
  func emptyCommandLineIsAUsageErrorNotABuild() throws {
    let root = try TemporaryFolder.make(prefix: "render-no-proc")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let files = FileManager.default
    try files.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
    try files.copyItem(atPath: RenderBinary.url.path, toPath: root + "/bin/render")
    // The shared libraries of this (debug, dynamically linked) build, where the loader
    // looks for them. No /proc is mounted in the root.
    for library in try Self.sharedLibraries(of: RenderBinary.url.path) {
      let target = root + library
      try files.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      if !files.fileExists(atPath: target) {
        try files.copyItem(
          atPath: URL(fileURLWithPath: library).resolvingSymlinksInPath().path, toPath: target)
      }
    }

    let result = try Self.run(Self.chroot ?? "chroot", [root, "/bin/render", "--version"])

    #expect(result.status == 64, "\(result.output)")
    #expect(result.output.contains("render: error: cannot read the command line"))
    #expect(!files.fileExists(atPath: root + "/rendered"))
    #expect(!files.fileExists(atPath: root + "/render.yaml"))
  }

  /// The absolute paths `ldd` lists.
  static func sharedLibraries(of binary: String) throws -> [String] {
    let result = try run("/usr/bin/ldd", [binary])
    return result.output.split(whereSeparator: \.isWhitespace).map(String.init).filter {
      $0.hasPrefix("/")
    }
  }

  static func run(
    _ executable: String, _ arguments: [String]
  ) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
