import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Fresh folders under the system's temporary folder.
enum TemporaryFolder {
  /// Creates a new, empty folder and returns its canonical path (links resolved, so paths
  /// render prints can be compared with it).
  static func make(prefix: String) throws -> String {
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
}
