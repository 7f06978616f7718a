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
    // From `.render-cache/` when it holds this render: nothing is parsed or compiled.
    let output = await session.compileOutput()
    let compilation = output.compilation
    Console.report(compilation.diagnostics, repository: session.repository)
    if compilation.hasErrors { throw ExitCode(1) }
    let prefix = service.map { "\(environment)/\($0)/" } ?? "\(environment)/"
    var documents: [String] = []
    for file in compilation.tree.files where file.path.hasPrefix(prefix) {
      documents.append(
        "# \(compilation.tree.displayPath(file.path))\n"
          + PreviewCommand.body(of: file.contents))
    }
    // A service that renders nothing may be disabled there: say so.
    if documents.isEmpty, let service {
      let resolved =
        if let full = output.full { full.services[environment]?[service] } else {
          await ServiceSlice.make(session.loaded, environment: environment, service: service)
            .resolved
        }
      if let resolved, !resolved.isEnabled {
        let fileNames = session.repository.fileNames
        let place = resolved.enabled.map { " (\(fileNames.describe($0.location)))" } ?? ""
        Console.error(
          "render: service '\(service)' is disabled in '\(environment)'\(place): nothing to preview\n"
            + "  help: set 'enabled: true' in environments/\(environment)/\(service).yaml to render it there\n"
        )
        throw ExitCode(1)
      }
    }
    Console.out(documents.joined(separator: "---\n"))
  }

  /// The file without render's header comment.
  static func body(of contents: [UInt8]) -> String {
    GeneratedHeader.split(contents).map { String($0.body) }
      ?? String(decoding: contents, as: UTF8.self)
  }
}
