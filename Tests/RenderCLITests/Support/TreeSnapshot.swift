/// Every entry of a folder, recursively: bytes (files), link targets (links), and the
/// `lstat` of each, folders included. Two snapshots are equal only if nothing under the
/// folder was written, renamed, created or removed.
struct TreeSnapshot: Equatable {
  struct Entry: Equatable {
    var status: FileStatus
    /// File contents, or a link's target.
    var bytes: [UInt8]
  }

  /// By path relative to the snapshotted folder.
  var entries: [String: Entry]
  /// The folder's own status (`nil` if it does not exist).
  var folder: FileStatus?

  /// Regular files only, by relative path.
  var files: [String: [UInt8]] {
    entries.compactMapValues { $0.status.kind == .file ? $0.bytes : nil }
  }

  /// What differs from an earlier snapshot, for readable failures.
  func differences(from other: TreeSnapshot) -> [String] {
    var result: [String] = []
    for path in Set(entries.keys).union(other.entries.keys).sorted() {
      switch (other.entries[path], entries[path]) {
      case (nil, _?): result.append("added \(path)")
      case (_?, nil): result.append("removed \(path)")
      case (let old?, let new?) where old.bytes != new.bytes:
        result.append("content changed \(path)")
      case (let old?, let new?) where old.status != new.status:
        result.append("rewritten \(path): \(old.status) -> \(new.status)")
      default: continue
      }
    }
    if folder != other.folder {
      result.append(
        "the folder itself: \(String(describing: other.folder)) -> \(String(describing: folder))")
    }
    return result
  }
}
