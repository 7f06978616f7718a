/// A command's repository after the Load stage: its files read, render.yaml's settings
/// parsed, and the `--env`/`--service` names it was given checked against it.
///
/// Only render.yaml and the named environments are parsed here: a command answered from
/// `.render-cache/` never parses the rest. `parse()` parses the whole platform.
public struct LoadedRepository: Sendable {
  public var repository: Repository
  /// render.yaml's settings, `--output` applied.
  public var settings: ProjectSettings
  /// What reading the files found (links, permissions, encodings): these depend on more
  /// than the files' bytes, so a run that has any is never answered from the cache.
  public var diagnostics: [Diagnostic]
  /// `--env` (empty: every environment).
  public var environments: [String]
  /// `--service` (empty: every service).
  public var services: [String]

  /// The repository root, absolute.
  public var root: String { repository.root }

  /// Reads the repository at `root` and checks the command line against it.
  /// - Parameter output: `--output`, overriding render.yaml's `output`.
  /// - Throws: `UsageError` for a folder that is not a render repository, a refused
  ///   output folder, or an environment or service that does not exist.
  public static func load(
    root: String, output: String? = nil, environments: [String] = [], services: [String] = []
  ) throws(UsageError) -> LoadedRepository {
    let (repository, diagnostics) = RepositoryLoader(root: root).load()
    guard repository.isRenderRepository || !diagnostics.isEmpty else {
      throw UsageError(
        "'\(root)' is not a render repository: it has no render.yaml, services/ or environments/\n"
          + "  help: run `render init` to create one, or pass --root with the repository's folder")
    }
    var (settings, _) = SettingsParser.parse(repository)
    if let output {
      switch SettingsParser.checkedOutputFolder(output) {
      case .success(let folder): settings.output = folder
      case .failure(let problem): throw UsageError("--output: \(problem.message)")
      }
    }
    let loaded = LoadedRepository(
      repository: repository, settings: settings, diagnostics: diagnostics,
      environments: environments, services: services)
    try loaded.checkNames()
    return loaded
  }

  /// The whole platform, parsed; `settings` (with `--output`) replace the parsed ones.
  /// The diagnostics are the load's and the parse's.
  public func parse() -> ParsedRepository {
    var (platform, found) = PlatformParser.parse(repository)
    platform.settings = settings
    return ParsedRepository(platform: platform, diagnostics: diagnostics + found)
  }

  /// The platform as far as one service sees it: everything but the other services'
  /// folders is parsed (their names are known, so overrides of them are no error). What
  /// the service resolves to and renders as in any environment depends on nothing else;
  /// the findings are not returned. For a command that explains or shows one service
  /// when the whole platform is known to compile without errors.
  /// - Parameter services: the service and those whose folders it depends on.
  public func platform(seenBy services: Set<String>) -> Platform {
    var (platform, _) = PlatformParser.parse(repository, services: services)
    platform.settings = settings
    return platform
  }

  /// The options to compile with: the command line's filters and `strict`, and for a
  /// filtered build the versions the previous build recorded (what it does not render
  /// keeps them in versions.yaml).
  public func buildOptions(strict: Bool = false) -> BuildOptions {
    var options = BuildOptions(environments: environments, services: services, strict: strict)
    if !environments.isEmpty || !services.isEmpty {
      options.previousVersions = VersionsFile.recorded(root: root, output: settings.output)
    }
    return options
  }

  /// Every `--env` names a concrete environment and every `--service` a service. The
  /// names are checked from the folders (and each named environment's own file), so the
  /// platform is not parsed unless a name is wrong and the message lists the right ones.
  private func checkNames() throws(UsageError) {
    for name in environments {
      let found =
        NameRules.isDNSLabel(name)
        && repository.directories.contains("environments/" + name)
      let abstract =
        found
        && EnvironmentParser.parse(name: name, repository: repository, serviceNames: [])
          .0?.isAbstract == true
      guard !found || abstract else { continue }
      let platform = parse().platform
      let concrete = platform.environmentNames.filter {
        platform.environments[$0]?.isAbstract == false
      }
      if abstract {
        throw UsageError("environment '\(name)' is abstract: it is only inherited, never rendered")
      }
      throw UsageError(
        "no environment '\(name)'\(Suggestion.didYouMean(name, in: concrete)) (environments: \(concrete.joined(separator: ", ")))"
      )
    }
    for name in services
    where !NameRules.isDNSLabel(name) || !repository.directories.contains("services/" + name) {
      let platform = parse().platform
      throw UsageError(
        "no service '\(name)'\(Suggestion.didYouMean(name, in: platform.services.keys))")
    }
  }
}
