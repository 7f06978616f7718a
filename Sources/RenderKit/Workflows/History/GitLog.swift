/// The one `git log` call behind `render history`, and its parser.
///
/// `git log --first-parent --follow -p -U0 -- <output>/versions.yaml` lists, newest
/// first, every commit of the current branch that changed the file, with the hunks it
/// made. With `--first-parent` (merges diffed against their first parent) the commits
/// form one chain, so the hunks replay in order from the file's creation; a merge is the
/// commit where a branch's changes reached the branch the reconcilers follow. With
/// `--follow`, a commit that renamed or copied the file (the `output` folder changed in
/// render.yaml, or the folder was moved) is diffed against the old path, and the log
/// goes on with the old path's history.
public enum GitLog {
  /// Separates the fields of a record, and starts each record. Git metadata cannot hold
  /// NUL (authors and messages are C strings) and a patch never does (git prints a file
  /// with NUL as "Binary files differ"), so an author or subject holding any other
  /// control character cannot shift a field.
  static let separator: UInt8 = 0

  /// The number of fields a record has: hash, short hash, committer time, author name,
  /// author email, subject, trailers, patch.
  static let fieldCount = 8

  static let format = "%x00%H%x00%h%x00%ct%x00%an%x00%ae%x00%s%x00%(trailers:only,unfold)%x00"

  /// The arguments of the `git log` call for the file at `path` (relative to the folder
  /// git runs in). User settings that would change the output (signatures, colour,
  /// external diff tools, path quoting) are turned off.
  public static func arguments(path: String) -> [String] {
    [
      "-c", "log.showSignature=false", "-c", "core.quotePath=false", "log", "--first-parent",
      "--diff-merges=first-parent", "--follow", "-p", "-U0", "--no-color", "--no-ext-diff",
      "--no-textconv", "--format=" + format, "--", path,
    ]
  }

  /// Parses the output of `arguments(path:)`: commits newest first.
  public static func parse(_ output: String) -> [GitLogCommit] {
    let fields = output.utf8.split(separator: separator, omittingEmptySubsequences: false)
    var commits: [GitLogCommit] = []
    // Whatever precedes the first record (nothing, from git) is fields[0].
    var index = 1
    while index + fieldCount <= fields.count {
      defer { index += fieldCount }
      func field(_ offset: Int) -> Substring { Substring(fields[index + offset]) }
      guard let timestamp = Int(field(2)) else { continue }
      commits.append(
        GitLogCommit(
          hash: String(field(0)), shortHash: String(field(1)), timestamp: timestamp,
          author: String(field(3)), email: String(field(4)), subject: String(field(5)),
          trailers: RenderTrailers(text: field(6)), hunks: DiffHunk.parse(patch: field(7))))
    }
    return commits
  }
}
