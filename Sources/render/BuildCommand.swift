import ArgumentParser
import RenderKit

struct BuildCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Render every environment into rendered/ (the default command).",
    discussion: """
      Writes nothing when any error is found. Only files whose content changes are \
      rewritten; generated files nothing renders any more are removed; files render did \
      not generate are never touched.

      Examples:
        render                          render everything
        render build --env prod         render only prod
        render build --check            exit 1 if rendered/ is not what a build would write
      """
  )

  @OptionGroup var options: RootOptions

  @Flag(help: "Write nothing; exit 1 if rendered/ differs from a fresh render.")
  var check = false

  @Option(help: "The output folder, relative to the root (default: render.yaml's 'output', or rendered).")
  var output: String?

  @Flag(help: "Treat policy warnings as errors.")
  var strict = false

  func run() async throws {
    var session = try Session.load(options: options, output: output)
    session.buildOptions.strict = strict
    let compilation = await session.compile()
    Console.report(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors {
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    let lock = try session.lock()
    defer { withExtendedLifetime(lock) {} }
    do {
      let rendered = try RenderedOutput.scan(
        root: session.root, tree: compilation.tree, recover: !check)
      let diff = rendered.diff
      let notes = rendered.notes
      if check {
        let findings = diff.conflicts + DriftReport.findings(diff, tree: compilation.tree) + notes
        Console.report(findings, repository: session.repository)
        if !diff.isClean || !diff.conflicts.isEmpty {
          Console.error(DriftReport.summary(diff, tree: compilation.tree))
          throw ExitCode(1)
        }
        Console.out("render: \(compilation.tree.folder)/ is current (\(compilation.tree.files.count) files)\n")
        return
      }
      Console.report(diff.conflicts + notes, repository: session.repository)
      guard diff.conflicts.isEmpty else {
        Console.error("render: nothing written: fix the errors above.\n")
        throw ExitCode(1)
      }
      try rendered.write()
      Console.out(DriftReport.buildSummary(diff, tree: compilation.tree))
    } catch let error as FileSystem.Error {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
  }
}
