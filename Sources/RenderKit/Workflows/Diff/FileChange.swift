/// How one file of the output folder differs between two renders (or between the folder
/// on disk and a render): the unit `render diff` prints.
public struct FileChange: Sendable, Equatable {
  public enum Kind: String, Sendable, Equatable {
    /// Only the new side has the file.
    case added
    /// Only the old side has the file.
    case removed
    /// Both sides have it, with different content.
    case modified
  }

  /// The path inside the output folder: `prod/checkout/deployment-checkout.yaml`.
  public var path: String
  public var kind: Kind
  /// The `@@` hunks, without the `---`/`+++` lines; empty when only bytes the diff
  /// leaves out differ (see `TreeComparison`).
  public var hunks: String
  /// Lines added and removed by the hunks.
  public var addedLines: Int
  public var removedLines: Int

  public init(path: String, kind: Kind, hunks: String, addedLines: Int, removedLines: Int) {
    self.path = path
    self.kind = kind
    self.hunks = hunks
    self.addedLines = addedLines
    self.removedLines = removedLines
  }

  /// The environment and service the file belongs to, for summaries.
  public var group: ChangeGroup { ChangeGroup(path: path) }

  /// The file's diff as `git diff` prints it: `--- a/<folder>/<path>` and
  /// `+++ b/<folder>/<path>`, with `/dev/null` on the side that lacks the file.
  public func unifiedDiff(folder: String) -> String {
    let display = folder.isEmpty ? path : folder + "/" + path
    let old = kind == .added ? "/dev/null" : "a/" + display
    let new = kind == .removed ? "/dev/null" : "b/" + display
    return "--- \(old)\n+++ \(new)\n" + hunks
  }
}
