import ArgumentParser
import RenderKit

struct BuildCommand: AsyncParsableCommand, ColorChoosing {
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
        render build --check            exit 1 if rendered/ is stale or hand-edited
      """
  )

  @OptionGroup var options: RootOptions
  var color: ColorOptions { options.color }

  @Flag(help: "Write nothing; exit 1 if rendered/ differs from a fresh render.")
  var check = false

  @Option(
    help: "The output folder, relative to the root (default: render.yaml's 'output', or rendered).")
  var output: String?

  @Flag(help: "Treat policy warnings as errors.")
  var strict = false

  @Option(help: "How to print findings: text (stderr), json, github or sarif (stdout).")
  var format: FindingsFormat = .text

  @Flag(help: "Print how long each stage took (to stderr).")
  var profile = false

  func run() async throws {
    let clock = ContinuousClock()
    let start = clock.now
    var session = try Session.load(options: options, output: output)
    let loaded = clock.now
    session.strict = strict
    if let problem = RenderedOutput.folderProblem(
      root: session.root, settings: session.settings, fileNames: session.repository.fileNames)
    {
      format.emit(session.loaded.parse().diagnostics + [problem], repository: session.repository)
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    // The output folder is read (under the lock) while the compiler works.
    let lock = try session.lock()
    defer { withExtendedLifetime(lock) {} }
    let scan = try WorkflowFailure.run { () throws(WorkflowError) in
      try OutputScan.start(
        root: session.root, folder: session.settings.output, recover: !check)
    }
    let compiling = clock.now
    // The cache's entries are written while the output is compared and written.
    let result = await session.compileOutput(store: !check, deferringStore: true)
    do {
      try await report(
        result, session: session, scan: scan, loading: loaded - start, compiling: compiling,
        start: start)
    } catch {
      await result.stored()
      throw error
    }
    await result.stored()
  }

  /// What follows the compile: the findings, then the check or the write.
  private func report(
    _ result: CompiledOutput, session: Session, scan: OutputScan,
    loading: Duration, compiling: ContinuousClock.Instant,
    start: ContinuousClock.Instant
  ) async throws {
    let clock = ContinuousClock()
    let compilation = result.compilation
    let stageTimes = result.stageTimes
    let answered = result.isCached || !result.recompiledServices.isEmpty
    var times: [(String, Duration)] = [
      ("load", loading),
      (answered ? "cache lookup" : "parse, schemas and inheritance", .zero),
    ]
    times += stageTimes.map { ($0.stage, $0.duration) }
    let compiled = clock.now
    times[1].1 = (compiled - compiling) - stageTimes.reduce(.zero) { $0 + $1.duration }
    // Every finding of the run is printed once, at the end: a JSON or SARIF report must
    // be one document, and text gets one summary line.
    var findings = compilation.diagnostics
    if compilation.hasErrors {
      format.emit(findings, repository: session.repository)
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    let tree = compilation.tree
    let rendered: RenderedOutput
    do {
      rendered = try await scan.compare(with: tree, fileNames: session.repository.fileNames)
    } catch {
      format.emit(findings, repository: session.repository)
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    times.append(("read rendered/ and compare", clock.now - compiled))
    let diff = rendered.diff
    findings += rendered.findings(drift: check)
    if check {
      format.emit(findings, repository: session.repository)
      if !rendered.isCurrent {
        Console.error(DriftReport.summary(diff, tree: tree))
        throw ExitCode(1)
      }
      status("render: \(tree.folder)/ is current (\(tree.files.count) files)\n")
      printProfile(times, total: clock.now - start)
      return
    }
    format.emit(findings, repository: session.repository)
    guard diff.conflicts.isEmpty else {
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    let writing = clock.now
    Console.progress("writing \(tree.files.count) files")
    do {
      try rendered.write()
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    times.append(("write", clock.now - writing))
    status(DriftReport.buildSummary(diff, tree: tree))
    printProfile(times, total: clock.now - start)
  }

  /// `--profile`: one line per stage, in milliseconds.
  private func printProfile(_ times: [(String, Duration)], total: Duration) {
    guard profile else { return }
    func milliseconds(_ duration: Duration) -> String {
      let value =
        Double(duration.components.seconds) * 1_000
        + Double(duration.components.attoseconds) / 1e15
      return String(Int(value.rounded()))
    }
    var text = ""
    for (stage, duration) in times + [("total", total)] {
      text += "render: profile: \(stage): \(milliseconds(duration)) ms\n"
    }
    Console.error(text)
  }

  /// The closing line: stdout for text, stderr when a report owns stdout.
  private func status(_ text: String) {
    if format == .text { Console.out(text) } else { Console.error(text) }
  }
}
