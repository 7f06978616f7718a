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

  @Option(
    help: "The output folder, relative to the root (default: render.yaml's 'output', or rendered).")
  var output: String?

  @Flag(help: "Treat policy warnings as errors.")
  var strict = false

  @Option(help: "How to print findings: text (stderr), json, github or sarif (stdout).")
  var format: FindingsFormat = .text

  func run() async throws {
    var session = try Session.load(options: options, output: output)
    session.buildOptions.strict = strict
    let compilation = await session.compile()
    // Every finding of the run is printed once, at the end: a JSON or SARIF report must
    // be one document, and text gets one summary line.
    var findings = compilation.diagnostics
    if compilation.hasErrors {
      format.emit(findings, repository: session.repository)
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    let lock = try session.lock()
    defer { withExtendedLifetime(lock) {} }
    let tree = compilation.tree
    let rendered: RenderedOutput
    do {
      rendered = try RenderedOutput.scan(root: session.root, tree: tree, recover: !check)
    } catch {
      format.emit(findings, repository: session.repository)
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    let diff = rendered.diff
    findings += diff.conflicts + rendered.notes
    if check {
      findings += DriftReport.findings(diff, tree: tree)
      format.emit(findings, repository: session.repository)
      if !diff.isClean || !diff.conflicts.isEmpty {
        Console.error(DriftReport.summary(diff, tree: tree))
        throw ExitCode(1)
      }
      status("render: \(tree.folder)/ is current (\(tree.files.count) files)\n")
      return
    }
    format.emit(findings, repository: session.repository)
    guard diff.conflicts.isEmpty else {
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    do {
      try rendered.write()
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    status(DriftReport.buildSummary(diff, tree: tree))
  }

  /// The closing line: stdout for text, stderr when a report owns stdout.
  private func status(_ text: String) {
    if format == .text { Console.out(text) } else { Console.error(text) }
  }
}
