import ArgumentParser
import RenderKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `render` executable: argument parsing and printing only; the work is RenderKit's.
@main
struct RenderCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Compile a GitOps monorepo into validated, deterministic manifests per environment.",
    discussion: """
      render reads templates/, services/ and environments/ and writes one manifest per \
      resource to rendered/<env>/<service>/. Run it at the root of the repository, or \
      pass --root. Exit codes: 0 success, 1 findings (errors, drift), 64 usage error.

      Examples:
        render                                   render everything (render build)
        render build --check                     CI: fail if rendered/ is stale
        render validate --strict --format sarif  findings for code scanning
        render diff --base origin/main           what a pull request changes
        render explain prod checkout             where each value came from
        render set-version checkout 1.15.0 --env staging --commit
        render --generate-completion-script zsh  shell completions (bash, zsh, fish)
      """,
    version: RenderVersion.current,
    subcommands: [
      BuildCommand.self,
      ValidateCommand.self,
      PreviewCommand.self,
      ExplainCommand.self,
      DiffCommand.self,
      VersionsCommand.self,
      HistoryCommand.self,
      SetVersionCommand.self,
      PromoteCommand.self,
      InitCommand.self,
    ],
    defaultSubcommand: BuildCommand.self
  )

  /// Parses and runs like the default, except that a usage mistake found while running
  /// (an unknown environment, say) prints one `render: error:` line and exits 64, rather
  /// than the generic usage of the root command.
  /// `--color` of the command, which every command takes.
  private static func colorMode(of command: any ParsableCommand) -> ColorMode {
    (command as? any ColorChoosing)?.color.mode ?? .auto
  }

  static func main() async {
    // With no arguments at all, not even the program's name, argument parsing would run
    // the default command (`render build`) in the current folder, whatever was typed.
    // That happens on Linux in a chroot or container without /proc, where the Swift
    // runtime cannot read the command line, and when a program starts render with an
    // empty argument vector.
    guard !CommandLine.arguments.isEmpty else {
      Console.error(
        "render: error: cannot read the command line (no arguments, not even the program "
          + "name), so render does nothing; without /proc (a chroot or a minimal container), "
          + "mount it first: mount -t proc proc /proc\n")
      exitWithUsageError()
    }
    // A closed pipe is a write error (exit 1 with a message, see Console), not a signal.
    _ = signal(SIGPIPE, SIG_IGN)
    // render waits for the git processes it starts (ChildProcess); a SIGCHLD ignored by
    // whoever started render would have the kernel reap them first, and the wait fail.
    _ = signal(SIGCHLD, SIG_DFL)
    let command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exit(withError: error)
    }
    Console.setColorMode(Self.colorMode(of: command))
    do {
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        var syncCommand = command
        try syncCommand.run()
      }
      Console.clearProgress()
    } catch let error as ValidationError {
      Console.error("render: error: \(error.message)\n")
      exitWithUsageError()
    } catch {
      exit(withError: error)
    }
  }

  /// Exit code 64 (EX_USAGE).
  private static func exitWithUsageError() -> Never {
    #if canImport(Glibc)
      Glibc.exit(64)
    #else
      Darwin.exit(64)
    #endif
  }
}
