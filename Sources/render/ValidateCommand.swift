import ArgumentParser
import RenderKit

struct ValidateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check inputs, Kubernetes schemas and policy rules; write nothing.",
    discussion: """
      Renders every environment in memory and reports every finding: input errors, \
      Kubernetes schema errors and policy rules, each at the input line that produced it.

      Examples:
        render validate                      everything
        render validate --env prod --strict  prod only, warnings count as errors
      """
  )

  @OptionGroup var options: RootOptions

  @Flag(help: "Treat policy warnings as errors.")
  var strict = false

  func run() async throws {
    var session = try Session.load(options: options)
    session.buildOptions.strict = strict
    let compilation = await session.compile()
    Console.report(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors { throw ExitCode(1) }
    let count = compilation.resources.values.map(\.count).reduce(0, +)
    Console.out(
      "render: \(count) resources in \(compilation.resources.count) environments are valid\n")
  }
}
