import ArgumentParser
import RenderKit

struct ExplainCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show where each value of a service in an environment came from.",
    discussion: """
      Lists every resolved value with every layer that set it, in order (template \
      default, service.yaml, each environment's defaults, each environment's override), \
      each with file:line; `*` marks the layer that won. With a manifest field, shows the \
      rendered value, the input line that produced it, the template expression and any \
      patch that set it.

      Examples:
        render explain prod checkout
        render explain prod checkout Deployment/checkout:spec.replicas
        render explain prod checkout \\
          'Deployment/checkout:spec.template.spec.containers[name=app].image'
      """
  )

  @OptionGroup var color: ColorOptions

  @Argument(help: "The environment.", completion: NameCompletion.environments)
  var environment: String

  @Argument(help: "The service.", completion: NameCompletion.services)
  var service: String

  @Argument(help: "A field of a rendered resource: Kind/name:field.path.")
  var field: String?

  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  func run() async throws {
    let options = RootOptions(root: root, environments: [environment], services: [service])
    let session = try Session.load(options: options)
    let compilation = await session.compile()
    let errors = compilation.diagnostics.filter(\.isError)
    guard let explainer = FieldExplainer(compilation, environment: environment, service: service)
    else {
      Console.report(compilation.diagnostics, repository: session.repository)
      throw ExitCode(1)
    }
    if !errors.isEmpty {
      // Still explain: explaining is how people find out why a value is wrong.
      Console.report(errors, repository: session.repository)
      Console.error("render: the platform has errors; explaining what resolved anyway\n\n")
    }
    guard let field else {
      Console.out(ExplainReport.values(explainer.resolved))
      return
    }
    switch explainer.explain(field) {
    case .success(let explanation):
      Console.out(ExplainReport.field(explanation))
    case .failure(let problem):
      Console.error("render: \(problem.description)\n")
      throw ExitCode(64)
    }
  }
}
