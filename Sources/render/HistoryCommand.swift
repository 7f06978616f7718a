import ArgumentParser
import RenderKit

struct HistoryCommand: AsyncParsableCommand, ColorChoosing {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show from git when each version of a service reached each environment.",
    discussion: """
      Reads the history of rendered/versions.yaml on the current branch (one `git log \
      --first-parent --follow` call; a merge counts as the moment its changes landed; a \
      renamed output folder is followed to its old path) and lists, \
      newest first, every change of the service's image in each environment: commit, \
      date (committer date, ISO 8601, UTC), author, environment, old -> new ('-' when \
      the service was absent). Render-Service, Render-Environment and Render-Version \
      trailers (written by `render set-version --commit` and `render promote \
      --commit`) are checked against each change: 'trailer' when one names it, 'via ENV' \
      when it names the version in ENV (a pin inherited from ENV).

      Only commits that changed rendered/versions.yaml count: a pin committed without \
      running `render build` shows up when the build is committed.

      Examples:
        render history checkout                  every environment
        render history checkout --env prod       when each version reached prod
        render history checkout --format json | jq '.[0]'
      """
  )

  @OptionGroup var color: ColorOptions

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
  }

  @Argument(help: "The service.", completion: NameCompletion.services)
  var service: String

  @Option(
    name: .customLong("env"), help: "Only this environment.",
    completion: NameCompletion.environments)
  var environment: String?

  @Option(name: .long, help: "The repository root (default: the current folder).")
  var root: String = "."

  @Option(help: "table or json.")
  var format: Format = .table

  func run() async throws {
    // The inputs only say where the output folder is and which names exist; their
    // errors are `render validate`'s business.
    let (repository, _) = RepositoryLoader(root: root).load()
    let (platform, _) = PlatformParser.parse(repository)
    let git = GitRepository(root: repository.root)
    guard git.isRepository else {
      Console.error(
        "render: history needs a git repository, and \(repository.root) is not in one\n")
      throw ExitCode(1)
    }
    let path = platform.settings.output + "/" + VersionsFile.path
    let all: [VersionChange]
    do {
      all = try VersionHistory.load(git, path: path)
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    let services = Set(platform.services.keys).union(all.map(\.service))
    guard services.contains(service) else {
      throw ValidationError(
        "no service '\(service)' in the platform or the history of \(path)"
          + Suggestion.didYouMean(service, in: services))
    }
    if let environment {
      let environments = Set(platform.environments.keys).union(all.map(\.environment))
      guard environments.contains(environment) else {
        throw ValidationError(
          "no environment '\(environment)' in the platform or the history of \(path)"
            + Suggestion.didYouMean(environment, in: environments))
      }
    }
    let changes = all.filter {
      $0.service == service && (environment == nil || $0.environment == environment)
    }
    if changes.isEmpty && format == .table {
      let place = environment.map { " in '\($0)'" } ?? ""
      Console.error("render: no version of '\(service)'\(place) in the history of \(path)\n")
      return
    }
    switch format {
    case .table: Console.out(HistoryFormatter.table(changes))
    case .json: Console.out(HistoryFormatter.json(changes))
    }
  }
}
