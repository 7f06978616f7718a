/// Makes the single git commit of a `set-version --commit` or `promote --commit` call,
/// holding the edited input files and the rendered files that changed, nothing else.
///
/// Before anything is written, `checkClean` refuses a work tree where the commit could
/// not be exactly that: any staged or modified tracked file (an unrelated one would
/// ride along or make the history misleading; one this call edits would have someone's
/// unfinished change swept into the commit), and untracked files in the input folders
/// or the output folder (they would shape the render without being committed). Commits
/// use the user's own git identity and hooks.
public struct VersionCommitter: Sendable {
  public let git: GitRepository

  /// Why no commit can be made; nothing has been written when `checkClean` throws.
  public struct Refusal: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
      self.message = message
    }

    public var description: String { message }
  }

  /// - Parameter root: render's repository root, absolute (possibly below git's top).
  public init(root: String) {
    self.git = GitRepository(root: root)
  }

  /// Refuses unless a commit of this call's files would hold exactly this change.
  /// - Parameter watchedFolders: folders (relative to the root) where an untracked file
  ///   shapes the render: the input folders and the output folder; `render.yaml` too.
  public func checkClean(watchedFolders: [String]) throws(Refusal) {
    guard git.isRepository else {
      throw Refusal("--commit needs a git repository, and \(git.root) is not inside one")
    }
    let prefix: String
    let output: String
    do {
      prefix = try git.run(["rev-parse", "--show-prefix"]).trimmingNewlines
      output = try git.run(["status", "--porcelain=v1", "-z", "--untracked-files=all"])
    } catch {
      throw Refusal("cannot read the state of the git work tree: \(error)")
    }
    let watched = watchedFolders.map { prefix + $0 + "/" }
    let dirty = GitStatusEntry.parse(output).filter { entry in
      guard entry.isUntracked else { return entry.staged != "!" }
      return watched.contains { entry.path.hasPrefix($0) } || entry.path == prefix + "render.yaml"
    }
    guard !dirty.isEmpty else { return }
    let shown = dirty.prefix(10).map { "  \($0)\n" }.joined()
    let more = dirty.count > 10 ? "  ... and \(dirty.count - 10) more\n" : ""
    throw Refusal(
      "--commit makes a commit that holds only this change, but the work tree has other changes:\n"
        + shown + more
        + "commit or stash them first, or run without --commit")
  }

  /// Stages exactly `paths` (relative to the root; new, changed or deleted files) and
  /// commits them with `message`. Returns the new commit's abbreviated hash.
  public func commit(_ paths: [String], message: VersionCommitMessage) throws(Refusal) -> String {
    guard !paths.isEmpty else { throw Refusal("nothing to commit") }
    do {
      try git.run(["add", "-A", "--"] + paths.map { ":(literal)" + $0 })
      // The message goes through a file in the git directory, as git's own
      // COMMIT_EDITMSG does: a promotion of thousands of services writes more than one
      // command-line argument may hold (128 KiB on Linux).
      let file =
        try git.run(["rev-parse", "--absolute-git-dir"]).trimmingNewlines
        + "/RENDER_COMMIT_MSG"
      try? FileSystem.removeFile(file)
      do {
        try FileSystem.createFile(file, bytes: Array(message.text.utf8))
      } catch {
        throw Refusal("the files are written but the commit failed: \(error)")
      }
      defer { try? FileSystem.removeFile(file) }
      try git.run(["commit", "--quiet", "--file=" + file])
      return try git.run(["rev-parse", "--short", "HEAD"]).trimmingNewlines
    } catch let refusal as Refusal {
      throw refusal
    } catch {
      throw Refusal("the files are written but the commit failed: \(error)")
    }
  }
}
