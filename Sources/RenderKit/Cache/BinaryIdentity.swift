#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Names the running build of render for `CompilationCache` keys: two builds of one
/// version differ in code, and an entry one stored must not be trusted by the other.
public enum BinaryIdentity {
  /// The running binary's file: device, inode, size and modification time. When it
  /// cannot be read, the process id, so the cache is never trusted.
  public static func current() -> String {
    #if os(Linux)
      let path = "/proc/self/exe"
    #else
      let path = CommandLine.arguments.first ?? ""
    #endif
    var info = stat()
    guard stat(path, &info) == 0 else { return "unknown binary, process \(getpid())" }
    #if os(Linux)
      let modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    #else
      let modified = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
    #endif
    return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(modified.0).\(modified.1)"
  }
}
