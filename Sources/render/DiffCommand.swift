import ArgumentParser
import RenderKit

struct DiffCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what a render would change, as a unified diff with a summary.",
    discussion: """
      Without --base, compares rendered/ on disk with a fresh render of the working \
      tree: what `render build` would write. With --base REF, renders the repository as \
      it is at REF (checked out into a temporary git worktree under the system temp \
      folder, removed afterwards) and the working tree, and compares the two renders: \
      the preview of a pull request. Nothing is written to the repository.

      The diff ends with a summary per environment and service (+/- lines, files \
      added, changed and removed). The checksum line of render's file header is left \
      out of the diffs. If the working tree's render has errors they are printed and \
      nothing is compared (exit 1); if REF's render has errors, their number is noted \
      and what REF rendered is compared.

      Examples:
        render diff                              what `render build` would change
        render diff --env prod                   only prod
        render diff --base origin/main           what this branch changes
        render diff --base HEAD~1 --exit-code    exit 1 if HEAD changed the output
        render diff --base origin/main --format markdown >> "$GITHUB_STEP_SUMMARY"
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
  }

  @OptionGroup var options: RootOptions
  var color: ColorOptions { options.color }

  @Option(
    help: "Compare with the render of this commit, branch or tag instead of rendered/ on disk.")
  var base: String?

  @Flag(help: "Exit 1 when there is a difference (like `git diff --exit-code`).")
  var exitCode = false

  @Option(
    help:
      "text (coloured on a terminal, unless NO_COLOR is set) or markdown (for a pull-request comment)."
  )
  var format: Format = .text

  func run() async throws {
    let session = try Session.load(options: options)
    // Against rendered/ on disk, render as `render build` would (a filtered build keeps
    // the versions.yaml entries it does not render). Against a commit, both sides
    // render alike from their inputs alone.
    let compilation: CachedCompilation
    if base == nil {
      compilation = await session.compileOutput().compilation
    } else {
      let parsed = session.loaded.parse()
      compilation = CachedCompilation(
        await Compiler.compile(
          parsed.platform, diagnostics: parsed.diagnostics, options: session.filters,
          schema: await session.bundledSchema()))
    }
    Console.report(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors {
      Console.error("render: nothing to compare: fix the errors above.\n")
      throw ExitCode(1)
    }
    let tree = compilation.tree
    let old: [String: [UInt8]]
    let title: String
    var notes: [String] = []
    if let base {
      let render = try await WorkflowFailure.run { () async throws(WorkflowError) in
        try await BaseRender.render(
          base, root: session.root, options: session.filters,
          schema: { await session.bundledSchema() },
          guarding: { removal in
            let interrupts = InterruptCleanup.install(removal)
            return { interrupts.uninstall() }
          })
      }
      old = render.files
      title =
        format == .markdown
        ? "render diff: `\(render.label)` → working tree" : "\(render.label) -> working tree"
      if render.errors > 0 {
        notes.append(
          "The render of \(render.label) has \(render.errors) \(render.errors == 1 ? "error" : "errors"); "
            + "its side of the diff may be incomplete (`render validate` at that commit lists them)."
        )
      }
    } else {
      old = try WorkflowFailure.run { () throws(WorkflowError) in
        try TreeComparison.filesOnDisk(root: session.root, tree: tree)
      }
      title =
        format == .markdown
        ? "render diff: `\(tree.folder)/` → fresh render"
        : "\(tree.folder)/ on disk -> fresh render"
    }
    let comparison = TreeComparison(
      old: old, new: TreeComparison.files(of: tree), folder: tree.folder)
    switch format {
    case .text:
      for note in notes { Console.error("render: note: \(note)\n") }
      Console.out(
        TextDiffFormatter(colored: Console.outputIsColored).format(comparison, title: title))
    case .markdown:
      Console.out(MarkdownDiffFormatter().format(comparison, title: title, notes: notes))
    }
    if exitCode && !comparison.isEmpty { throw ExitCode(1) }
  }
}
