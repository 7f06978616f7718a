import ArgumentParser
import RenderKit

struct VersionsCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "versions",
    abstract: "Print the service × environment matrix of versions.",
    discussion: """
      Rows are services, columns the rendered environments; '-' means the service is \
      disabled there (or has no version). Versions come from the inputs, resolved as a \
      render would resolve them, not from rendered/versions.yaml. Nothing is rendered \
      or written.

      With `promotion: [dev, staging, prod]` in render.yaml, columns follow that order \
      and a version that differs from the one in the environment it is promoted from \
      (the one before it in the list) is marked with '*' ("differsFromPrevious": true \
      in JSON): a promotion still to do. Without it, columns are sorted by name.

      Examples:
        render versions                          the whole matrix
        render versions --service checkout       one service everywhere
        render versions --format markdown >> "$GITHUB_STEP_SUMMARY"
        render versions --format json | jq '.services[] | select(.name == "checkout")'
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
    case markdown
  }

  @OptionGroup var options: RootOptions
  var color: ColorOptions { options.color }

  @Option(help: "table, json or markdown.")
  var format: Format = .table

  func run() async throws {
    let session = try Session.load(options: options, compiles: false)
    // From `.render-cache/` when it holds the matrix of these exact inputs.
    let versions = CompilationCache(root: session.root).versions(
      session.loaded, build: BinaryIdentity.current())
    let diagnostics = versions.diagnostics
    Console.report(diagnostics, repository: session.repository)
    if diagnostics.hasErrors {
      Console.error("render: cannot resolve versions: fix the errors above.\n")
      throw ExitCode(1)
    }
    let matrix = versions.matrix
    let shown = matrix.filtered(environments: options.environments, services: options.services)
    switch format {
    case .table:
      Console.out(VersionMatrixFormatter.table(shown, colored: Console.outputIsColored))
    case .json: Console.out(VersionMatrixFormatter.json(shown))
    case .markdown: Console.out(VersionMatrixFormatter.markdown(shown))
    }
  }
}
