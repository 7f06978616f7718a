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
    let slice = try await explained(session)
    guard let resolved = slice.resolved else { throw ExitCode(1) }
    guard let field else {
      Console.out(ExplainReport.values(resolved, fileNames: slice.platform.fileNames))
      return
    }
    let explainer = FieldExplainer(
      platform: slice.platform, resolved: resolved, resources: slice.resources)
    switch explainer.explain(field) {
    case .success(let explanation):
      Console.out(ExplainReport.field(explanation, fileNames: slice.platform.fileNames))
    case .failure(let problem):
      Console.error("render: \(problem.description)\n")
      throw ExitCode(64)
    }
  }

  /// The platform, the service resolved in the environment and its resources there
  /// (only with a field). When `.render-cache/` knows this render has no errors, only
  /// the service is resolved and rendered, from the platform as it sees it; otherwise
  /// everything is compiled and the errors printed (still explaining: explaining is how
  /// people find out why a value is wrong).
  private func explained(
    _ session: Session
  ) async throws -> ServiceSlice {
    let output = await session.compileOutput()
    // Without the whole compilation (some environments came from the cache), a slice
    // is only right when the platform compiles without errors.
    if output.full == nil, output.compilation.hasErrors {
      return try explained(await session.compile(), session: session)
    }
    guard let compilation = output.full else {
      let slice = await ServiceSlice.make(
        session.loaded, environment: environment, service: service,
        schema: field == nil ? nil : await session.bundledSchema())
      if slice.resolved != nil { return slice }
      return try explained(await session.compile(), session: session)
    }
    return try explained(compilation, session: session)
  }

  private func explained(
    _ compilation: Compilation, session: Session
  ) throws -> ServiceSlice {
    guard let resolved = compilation.services[environment]?[service] else {
      Console.report(compilation.diagnostics, repository: session.repository)
      throw ExitCode(1)
    }
    let errors = compilation.diagnostics.filter(\.isError)
    if !errors.isEmpty {
      Console.report(errors, repository: session.repository)
      Console.error("render: the platform has errors; explaining what resolved anyway\n\n")
    }
    let resources = (compilation.resources[environment] ?? []).filter { $0.service == service }
    return ServiceSlice(platform: compilation.platform, resolved: resolved, resources: resources)
  }
}
