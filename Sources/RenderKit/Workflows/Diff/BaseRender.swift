/// The render of a commit, for `render diff --base`: the commit checked out into a
/// temporary worktree (removed on every way out), rendered in memory with the run's
/// filters.
public struct BaseRender: Sendable {
  /// Files by path inside the output folder.
  public var files: [String: [UInt8]]
  /// Errors the commit's render found.
  public var errors: Int
  /// `REF (abc1234)`, for titles; backticks removed so it fits in Markdown code.
  public var label: String

  /// Renders `reference` of the git repository holding `root`.
  /// - Parameters:
  ///   - schema: the bundled Kubernetes schemas, asked for once the commit is checked out.
  ///   - guarding: called with the worktree's removal as soon as the worktree exists
  ///     (the command line runs it on Ctrl-C); what it returns is called once the
  ///     worktree is removed.
  public static func render(
    _ reference: String, root: String, options: BuildOptions,
    schema: () async -> KubernetesSchema,
    guarding: (_ removal: @escaping @Sendable () -> Void) -> (() -> Void)
  ) async throws(WorkflowError) -> BaseRender {
    let git = GitRepository(root: root)
    guard git.isRepository else {
      throw .failed("--base needs a git repository, and \(root) is not in one")
    }
    let top: String
    let prefix: String
    do throws(GitRepository.Failure) {
      top = try git.topLevel()
      prefix = try git.run(["rev-parse", "--show-prefix"]).trimmingNewlines
    } catch {
      throw .failed("\(error)")
    }
    let resolved = git.runAllowingFailure(
      ["rev-parse", "--verify", "--quiet", "--end-of-options", reference + "^{commit}"])
    guard resolved.status == 0 else {
      throw .usage("--base: '\(reference)' is not a commit, branch or tag of \(top)")
    }
    let commit = resolved.stdout.trimmingWhitespace

    let worktree: TemporaryWorktree
    do {
      worktree = try TemporaryWorktree(repository: GitRepository(root: top), prefix: prefix)
    } catch {
      throw .failed("\(error)")
    }
    // From here on, an interrupt removes the worktree (waiting for a checkout in
    // progress) before render exits.
    let unguard = guarding { worktree.remove() }
    defer {
      // Remove before lifting the guard, so a late Ctrl-C cannot cut the removal short.
      worktree.remove()
      unguard()
    }
    do {
      try worktree.checkOut(commit)
    } catch {
      throw .failed("cannot check out \(reference): \(error)")
    }

    let (repository, loadDiagnostics) = RepositoryLoader(root: worktree.root).load()
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    let compilation = await Compiler.compile(
      platform, diagnostics: loadDiagnostics + parseDiagnostics, options: options,
      schema: await schema())
    let label = "\(reference) (\(commit.prefix(7)))".replacing("`", with: "")
    return BaseRender(
      files: TreeComparison.files(of: compilation.tree),
      errors: compilation.diagnostics.filter(\.isError).count, label: label)
  }
}
