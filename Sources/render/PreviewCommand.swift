import ArgumentParser
import RenderKit

struct PreviewCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "preview",
    abstract: "Print the rendered manifests of an environment (or one service) to stdout.",
    discussion: """
      Nothing is written. The output is a multi-document YAML stream, each document \
      preceded by a comment naming the file render would write it to.

      Examples:
        render preview prod                  every resource of prod
        render preview prod checkout         only checkout's resources in prod
        render preview dev checkout | kubectl apply --dry-run=server -f -
      """
  )

  @OptionGroup var color: ColorOptions

  @Argument(help: "The environment.", completion: NameCompletion.environments)
  var environment: String

  @Argument(
    help: "A service (default: every service and the environment's own resources).",
    completion: NameCompletion.services)
  var service: String?

  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  func run() async throws {
    let options = RootOptions(
      root: root, environments: [environment], services: service.map { [$0] } ?? [])
    let session = try Session.load(options: options)
    let compilation = await session.compile()
    Console.report(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors { throw ExitCode(1) }
    try WorkflowFailure.run { () throws(WorkflowError) in
      try Preview.checkEnabled(service, in: environment, of: compilation)
    }
    Console.out(Preview.stream(of: compilation.tree, environment: environment, service: service))
  }
}
