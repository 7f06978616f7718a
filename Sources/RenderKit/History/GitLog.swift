/// The one `git log` call behind `render history`, and its parser.
///
/// `git log --first-parent -p -U0 -- <output>/versions.yaml` lists, newest first, every
/// commit of the current branch that changed the file, with the hunks it made. With
/// `--first-parent` (merges diffed against their first parent) the commits form one
/// chain, so the hunks replay in order from the file's creation; a merge is the commit
/// where a branch's changes reached the branch the reconcilers follow.
public enum GitLog {
  /// Starts each commit's record; fields are separated by `fieldSeparator`.
  static let recordSeparator: Character = "\u{1E}"
  static let fieldSeparator: Character = "\u{1F}"

  /// hash, short hash, committer time, author name, author email, subject, trailers.
  static let format = "%x1E%H%x1F%h%x1F%ct%x1F%an%x1F%ae%x1F%s%x1F%(trailers:only,unfold)%x1F"

  /// The arguments of the `git log` call for the file at `path` (relative to the folder
  /// git runs in). User settings that would change the output (signatures, colour,
  /// external diff tools, rename following) are turned off.
  public static func arguments(path: String) -> [String] {
    [
      "-c", "log.showSignature=false", "-c", "core.quotePath=false", "-c", "log.follow=false",
      "log", "--first-parent", "--diff-merges=first-parent", "-p", "-U0", "--no-color",
      "--no-ext-diff", "--no-textconv", "--no-renames", "--format=" + format, "--", path,
    ]
  }

  /// Parses the output of `arguments(path:)`: commits newest first.
  public static func parse(_ output: String) -> [GitLogCommit] {
    var commits: [GitLogCommit] = []
    for record in output.split(separator: recordSeparator) {
      let fields = record.split(
        separator: fieldSeparator, maxSplits: 7, omittingEmptySubsequences: false)
      guard fields.count == 8, let timestamp = Int(fields[2]) else { continue }
      commits.append(
        GitLogCommit(
          hash: String(fields[0]), shortHash: String(fields[1]), timestamp: timestamp,
          author: String(fields[3]), email: String(fields[4]), subject: String(fields[5]),
          trailers: RenderTrailers(text: fields[6]), hunks: DiffHunk.parse(patch: fields[7])))
    }
    return commits
  }
}
