#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an edited input file so that a reader (or a run killed part way) sees the old
/// file or the new one, never half of it: the text goes to a temporary file beside it,
/// which is then renamed over the original, keeping its permissions.
public enum InputFileWriter {
  /// Replaces (or creates, when `creating`) the file at `path`, absolute.
  ///
  /// A symbolic link is refused rather than replaced by a file; creating refuses a path
  /// where something already is.
  public static func write(
    _ text: String, to path: String, creating: Bool
  ) throws(FileSystem.Error) {
    var info = stat()
    let exists = lstat(path, &info) == 0
    if creating && exists {
      throw FileSystem.Error(path: path, operation: "will not overwrite", code: EEXIST)
    }
    if !creating {
      guard exists else {
        throw FileSystem.Error(path: path, operation: "cannot edit", code: ENOENT)
      }
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw FileSystem.Error(
          path: path, operation: "will not replace a link or special file at", code: EINVAL)
      }
    }
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let temporary = String(path[..<slash]) + ".\(path[slash...]).render-\(getpid()).tmp"
    try? FileSystem.removeFile(temporary)
    try FileSystem.createFile(temporary, bytes: Array(text.utf8))
    do throws(FileSystem.Error) {
      if exists {
        guard chmod(temporary, info.st_mode & 0o7777) == 0 else {
          throw FileSystem.Error(path: temporary, operation: "cannot set the mode of", code: errno)
        }
      }
      try FileSystem.rename(temporary, path)
    } catch {
      try? FileSystem.removeFile(temporary)
      throw error
    }
  }
}
