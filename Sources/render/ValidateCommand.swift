import ArgumentParser
import RenderKit

struct ValidateCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check inputs, Kubernetes schemas and policy rules; write nothing.",
    discussion: """
      Renders every environment in memory and reports every finding: input errors, \
      Kubernetes schema errors and policy rules, each at the input line that produced it.

      Examples:
        render validate                      everything
        render validate --env prod --strict  prod only, warnings count as errors
        render validate --format sarif > render.sarif   for GitHub code scanning
      """
  )

  @OptionGroup var options: RootOptions
  var color: ColorOptions { options.color }

  @Flag(help: "Treat policy warnings as errors.")
  var strict = false

  @Option(help: "How to print findings: text (stderr), json, github or sarif (stdout).")
  var format: FindingsFormat = .text

  func run() async throws {
    var session = try Session.load(options: options)
    session.strict = strict
    let compilation = await session.compileOutput().compilation
    format.emit(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors { throw ExitCode(1) }
    let count = compilation.resourceCounts.values.reduce(0, +)
    let summary =
      "render: \(count) resources in \(compilation.resourceCounts.count) environments are valid\n"
    // A machine-readable report owns stdout.
    if format == .text { Console.out(summary) } else { Console.error(summary) }
  }
}
