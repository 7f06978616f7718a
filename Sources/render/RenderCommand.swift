import ArgumentParser
import RenderKit

/// The `render` executable: argument parsing and printing only; the work is RenderKit's.
@main
struct RenderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Compile a GitOps monorepo into validated, deterministic manifests per environment.",
    discussion: """
      render reads templates/, services/ and environments/ and writes one manifest per \
      resource to rendered/<env>/<service>/. Run it at the root of the repository, or \
      pass --root.
      """,
    version: "0.1.0",
    subcommands: [
      BuildCommand.self,
      ValidateCommand.self,
      PreviewCommand.self,
      ExplainCommand.self,
      DiffCommand.self,
      VersionsCommand.self,
      HistoryCommand.self,
      InitCommand.self,
      SetVersionCommand.self,
      PromoteCommand.self,
    ],
    defaultSubcommand: BuildCommand.self
  )
}
