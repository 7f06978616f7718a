import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed when the value is released.
public final class TemporaryFolder {
  /// The canonical path (links resolved, so paths render prints compare equal to it).
  public let path: String

  public init(prefix: String = "render-tests") throws {
    path = try Self.make(prefix: prefix)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Creates a new, empty folder that the caller owns and returns its canonical path.
  public static func make(prefix: String) throws -> String {
    var template = Array((NSTemporaryDirectory() + "/" + prefix + "-XXXXXX").utf8CString)
    let created = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }
    }
    guard let created else {
      throw TestFailure("mkdtemp failed: \(String(cString: strerror(errno)))")
    }
    let path = String(cString: created)
    return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  public func write(_ relative: String, _ contents: [UInt8]) throws {
    let url = URL(fileURLWithPath: path + "/" + relative)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents).write(to: url)
  }

  public func write(_ relative: String, _ text: String) throws {
    try write(relative, Array(text.utf8))
  }

  public func makeFolder(_ relative: String) throws {
    try FileManager.default.createDirectory(
      atPath: path + "/" + relative, withIntermediateDirectories: true)
  }

  public func read(_ relative: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path + "/" + relative).map(Array.init)
  }

  public func symlink(_ relative: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: path + "/" + relative, withDestinationPath: target)
  }
}
