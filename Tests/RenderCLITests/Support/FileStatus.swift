import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `lstat` says about one path: enough to tell a rewritten file (new inode, new
/// mtime) from one render left alone.
struct FileStatus: Equatable, CustomStringConvertible {
  enum Kind: Equatable { case file, directory, symlink, other }
  var kind: Kind
  var inode: UInt64
  var modified: timespec
  var size: Int64

  static func == (lhs: FileStatus, rhs: FileStatus) -> Bool {
    lhs.kind == rhs.kind && lhs.inode == rhs.inode && lhs.size == rhs.size
      && lhs.modified.tv_sec == rhs.modified.tv_sec
      && lhs.modified.tv_nsec == rhs.modified.tv_nsec
  }

  var description: String {
    "\(kind) inode \(inode) mtime \(modified.tv_sec).\(modified.tv_nsec) size \(size)"
  }
}
