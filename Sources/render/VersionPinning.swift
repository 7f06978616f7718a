import ArgumentParser
import RenderKit

/// What `set-version` and `promote` share: under the output lock, plan the edits, compile
/// the edited repository in memory, and only when it validates write the input files,
/// re-render the environments the edit reaches, and (with `--commit`) make one commit.
///
/// Nothing is written when a name, a version, an edit, the validation or the git check
/// fails.
struct VersionPinning {
  /// The repository root as given (`--root`).
  var root: String
  var environment: String
  var commit: Bool
  /// `promote`'s `--from`, for the commit subject.
  var promotedFrom: String?
  /// `--pin`: write the pin even where the version is already inherited.
  var explicit = false

  /// The repository loaded under the lock, with names checked.
  struct Loaded {
    var repository: Repository
    var platform: Platform
    /// Findings of loading the files (parse findings come again from the edited repository).
    var loadDiagnostics: [Diagnostic]
    var planner: SetVersionPlanner
    /// Keeps the output lock for the whole run.
    var lock: OutputLock
    /// The bundled schemas, compiling since the load started.
    var schema: BundledSchema
  }

  /// Takes the lock, loads the repository and checks `--env` and the services (an
  /// unknown name is a usage error, exit 64, with a did-you-mean); with `--commit`,
  /// checks the git work tree first.
  func load(services: [String]) throws -> Loaded {
    // Compile the bundled schemas on another core while the repository is read.
    let schema = BundledSchema()
    guard FileSystem.targetType(root) == .directory else {
      throw ValidationError("--root: '\(root)' is not a folder")
    }
    let absolute = FileSystem.realPath(root) ?? root
    let lock: OutputLock
    do {
      lock = try OutputLock.acquire(root: absolute) {
        Console.error(
          "render: another render is writing in \(absolute); waiting for it to finish...\n")
      }
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
    let (repository, loadDiagnostics) = RepositoryLoader(root: absolute).load()
    let platform = PlatformParser.parse(repository).platform
    try Self.checkEnvironment(environment, in: platform, option: "--env")
    if let problem = RenderedOutput.folderProblem(
      root: repository.root, settings: platform.settings)
    {
      Console.report([problem], repository: repository)
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    var seen: Set<String> = []
    for service in services {
      guard platform.services[service] != nil else {
        throw ValidationError(
          "no service '\(service)'\(Suggestion.didYouMean(service, in: platform.services.keys)) (services: \(platform.serviceNames.joined(separator: ", ")))"
        )
      }
      guard seen.insert(service).inserted else {
        throw ValidationError("'\(service)' is named twice; give each service one version")
      }
    }
    if commit {
      let folders = RepositoryLoader.inputFolders + [platform.settings.output]
      do {
        try VersionCommitter(root: repository.root).checkClean(watchedFolders: folders)
      } catch {
        Console.error("render: nothing written: \(error)\n")
        throw ExitCode(1)
      }
    }
    return Loaded(
      repository: repository, platform: platform,
      loadDiagnostics: loadDiagnostics,
      planner: SetVersionPlanner(repository: repository, platform: platform), lock: lock,
      schema: schema)
  }

  /// A usage error naming the environments when `name` is not one.
  static func checkEnvironment(_ name: String, in platform: Platform, option: String) throws {
    guard platform.environments[name] == nil else { return }
    throw ValidationError(
      "\(option): no environment '\(name)'\(Suggestion.didYouMean(name, in: platform.environments.keys)) (environments: \(platform.environmentNames.joined(separator: ", ")))"
    )
  }

  /// Exits 1 when a version is neither a tag nor a digest, as the resolver would say.
  static func checkVersions(_ pins: [VersionPin]) throws {
    for pin in pins where !ImageReference.isValidVersion(pin.version) {
      Console.error(
        "render: nothing written: version '\(pin.version)' for \(pin.service) is neither an image tag nor a sha256 digest\n"
          + "  help: \(ImageReference.versionHelp)\n")
      throw ExitCode(1)
    }
  }

  /// Plans, validates, writes, re-renders and commits `pins`.
  func apply(_ pins: [VersionPin], loaded: Loaded) async throws {
    try await apply(
      loaded.planner.plan(pins, in: environment, explicit: explicit), pins: pins, loaded: loaded)
  }

  /// Validates, writes, re-renders and commits a planned change of `pins`.
  func apply(
    _ planned: Result<SetVersionPlan, DiagnosticList>, pins: [VersionPin], loaded: Loaded
  ) async throws {
    defer { withExtendedLifetime(loaded.lock) {} }
    try Self.checkVersions(pins)
    let plan: SetVersionPlan
    switch planned {
    case .success(let planned): plan = planned
    case .failure(let list):
      Console.report(list.diagnostics, repository: loaded.repository)
      Console.error("render: nothing written: fix the errors above.\n")
      throw ExitCode(1)
    }
    let changes = plan.effectiveChanges
    guard !changes.isEmpty else {
      for change in plan.changes {
        Console.out(Self.line(for: change))
      }
      Console.out("render: nothing to change\(commit ? " or commit" : "")\n")
      return
    }

    // Validate the edited repository exactly as a build would, before writing anything.
    let (platform, parseDiagnostics) = PlatformParser.parse(plan.repository)
    let schema = await Session.value(of: loaded.schema)
    // An interrupted write is finished first: versions.yaml is read from the tree.
    let writer = TreeWriter(outputPath: plan.repository.root + "/" + platform.settings.output)
    if writer.hasPendingWrite {
      do {
        try writer.recover()
      } catch {
        Console.error("render: \(error)\n")
        throw ExitCode(1)
      }
    }
    var options = BuildOptions(environments: plan.affectedEnvironments)
    options.previousVersions = VersionsFile.recorded(
      root: plan.repository.root, output: platform.settings.output)
    let compilation = await Compiler.compile(
      platform, diagnostics: loaded.loadDiagnostics + parseDiagnostics, options: options,
      schema: schema)
    Console.report(compilation.diagnostics, repository: plan.repository)
    if compilation.hasErrors {
      Console.error(
        "render: nothing written: with this change the repository has the errors above.\n")
      throw ExitCode(1)
    }

    let root = plan.repository.root
    var inputsWritten = false
    do {
      let rendered = try RenderedOutput.scan(root: root, tree: compilation.tree, recover: true)
      Console.report(rendered.diff.conflicts + rendered.notes, repository: plan.repository)
      guard rendered.diff.conflicts.isEmpty else {
        Console.error("render: nothing written: fix the errors above.\n")
        throw ExitCode(1)
      }
      for path in plan.editedPaths {
        guard let text = plan.files[path] else { continue }
        try InputFileWriter.write(
          text, to: root + "/" + path, creating: plan.createdFiles.contains(path))
        inputsWritten = true
      }
      try rendered.write()

      for change in plan.changes {
        Console.out(Self.line(for: change))
      }
      // Environments that inherit this one follow the pin unless they set their own.
      for name in plan.affectedEnvironments where name != environment {
        for change in changes {
          let before = loaded.planner.resolve(service: change.service, in: name)?.version?.value
          let after = compilation.services[name]?[change.service]?.version?.value
          guard before != after else { continue }
          Console.out(
            "\(name): \(change.service) \(before ?? "(none)") -> \(after ?? "(none)") (inherits \(environment))\n"
          )
        }
      }
      Console.out(DriftReport.buildSummary(rendered.diff, tree: compilation.tree))

      if commit {
        // Pins kept in later stages are part of the commit, not of what it promotes.
        let message = VersionCommitMessage(
          environment: environment, changes: changes.filter { $0.keptBecause == nil },
          promotedFrom: promotedFrom)
        do {
          let hash = try VersionCommitter(root: root).commit(
            plan.editedPaths + rendered.changedPaths, message: message)
          Console.out("render: committed \(hash) \(message.subject)\n")
        } catch {
          Console.error("render: \(error)\n")
          throw ExitCode(1)
        }
      }
    } catch let error as FileSystem.Error {
      Console.error("render: \(error)\n")
      if inputsWritten {
        Console.error(
          "render: the input files are edited but \(compilation.tree.folder)/ is not up to date: run `render build`\n"
        )
      }
      throw ExitCode(1)
    }
  }

  /// `prod: checkout 1.14.2 -> 1.15.0 (environments/prod/checkout.yaml:3)`.
  static func line(for change: PinChange) -> String {
    let prefix = "\(change.environment): "
    let place =
      change.location.isKnown
      ? "\(change.location.file):\(change.location.line)" : change.location.description
    if let reason = change.keptBecause, change.edit != .unchanged {
      let how = change.edit == .created ? ", new file" : change.edit == .inserted ? ", added" : ""
      return prefix + "\(change.service) kept at \(change.version) (\(place)\(how)): \(reason)\n"
    }
    switch change.edit {
    case .unchanged:
      return prefix + "\(change.service) is already at \(change.version) (\(place))\n"
    case .replaced:
      return prefix + "\(change.summary) (\(place))\n"
    case .inserted:
      return prefix + "\(change.summary) (\(place), added)\n"
    case .created:
      return prefix + "\(change.summary) (\(place), new file)\n"
    }
  }
}
