import ArgumentParser
import RenderKit

/// The render of a commit, for `render diff --base`: the commit checked out into a
/// temporary worktree (removed on every way out, Ctrl-C included), rendered in memory
/// with the session's filters.
struct BaseRender {
  /// Files by path inside the output folder.
  var files: [String: [UInt8]]
  /// Errors the commit's render found.
  var errors: Int
  /// `REF (abc1234)`, for titles; backticks removed so it fits in Markdown code.
  var label: String

  static func render(_ reference: String, session: Session) async throws -> BaseRender {
    let git = GitRepository(root: session.root)
    guard git.isRepository else {
      Console.error("render: --base needs a git repository, and \(session.root) is not in one\n")
      throw ExitCode(1)
    }
    let commit: String
    let top: String
    let prefix: String
    do {
      top = try git.topLevel()
      prefix = try git.run(["rev-parse", "--show-prefix"]).trimmingNewlines
      let resolved = git.runAllowingFailure(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"])
      guard resolved.status == 0 else {
        throw ValidationError("--base: '\(reference)' is not a commit, branch or tag of \(top)")
      }
      commit = resolved.stdout.trimmingWhitespace
    } catch let failure as GitRepository.Failure {
      Console.error("render: \(failure)\n")
      throw ExitCode(1)
    }

    let worktree: TemporaryWorktree
    do {
      worktree = try TemporaryWorktree(repository: GitRepository(root: top), prefix: prefix)
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    // From here on, an interrupt removes the worktree (waiting for a checkout in
    // progress) before render exits.
    let interrupts = InterruptCleanup.install { worktree.remove() }
    defer {
      // Remove before restoring the default handling, so a late Ctrl-C cannot cut the
      // removal short.
      worktree.remove()
      interrupts.uninstall()
    }
    do {
      try worktree.checkOut(commit)
    } catch {
      Console.error("render: cannot check out \(reference): \(error)\n")
      throw ExitCode(1)
    }

    let (repository, loadDiagnostics) = RepositoryLoader(root: worktree.root).load()
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    let compilation = await Compiler.compile(
      platform, diagnostics: loadDiagnostics + parseDiagnostics, options: session.filters,
      schema: await session.bundledSchema())
    let label = "\(reference) (\(commit.prefix(7)))".replacing("`", with: "")
    return BaseRender(
      files: TreeComparison.files(of: compilation.tree),
      errors: compilation.diagnostics.filter(\.isError).count, label: label)
  }
}
