/// What `set-version` and `promote` share: under the output lock, plan the edits, compile
/// the edited repository in memory, and only when it validates write the input files,
/// re-render the environments the edit reaches, and (with `--commit`) make one commit.
///
/// Nothing is written when a name, a version, an edit, the validation or the git check
/// fails. Each step returns what the command prints; it prints nothing itself.
public struct VersionPinning {
  /// The repository root as given (`--root`).
  public var root: String
  public var environment: String
  public var commit: Bool
  /// `promote`'s `--from`, for the commit subject.
  public var promotedFrom: String?
  /// `--pin`: write the pin even where the version is already inherited.
  public var explicit = false

  public init(root: String, environment: String, commit: Bool, promotedFrom: String? = nil) {
    self.root = root
    self.environment = environment
    self.commit = commit
    self.promotedFrom = promotedFrom
  }

  /// The repository loaded under the lock, with names checked.
  public struct Loaded {
    public var repository: Repository
    public var platform: Platform
    /// Findings of loading the files (parse findings come again from the edited repository).
    public var loadDiagnostics: [Diagnostic]
    public var planner: SetVersionPlanner
    /// Keeps the output lock for the whole run.
    public var lock: OutputLock
    /// The bundled schemas, compiling on another core since the load started.
    public var schema: BundledSchema
  }

  /// The edits planned and validated, with the render of the edited repository, ready to
  /// write; or nothing to do.
  public enum Prepared {
    /// Every pin is already in place: the changes say where.
    case unchanged([PinChange])
    case ready(PinWrite)
  }

  /// What `write` writes and what the command reports about it.
  public struct PinWrite {
    public var plan: SetVersionPlan
    /// Findings of the edited repository's compile (warnings: it has no errors).
    public var diagnostics: [Diagnostic]
    /// Notes about the output folder (files render did not generate).
    public var notes: [Diagnostic]
    public var rendered: RenderedOutput
    /// How environments that inherit the pinned one follow it.
    public var inherited: [InheritedVersion]
  }

  /// A version an inheriting environment gets from the pin: `staging: checkout 1.0 -> 1.1
  /// (inherits dev)`.
  public struct InheritedVersion: Equatable, Sendable {
    public var environment: String
    public var service: String
    public var before: String?
    public var after: String?
    /// The pinned environment it inherits.
    public var from: String

    public var line: String {
      "\(environment): \(service) \(before ?? "(none)") -> \(after ?? "(none)") (inherits \(from))\n"
    }
  }

  /// Takes the lock (calling `waiting` with the folder if another render holds it), loads the repository
  /// and checks the environment and `services` (an unknown name is a usage error with a
  /// did-you-mean); with `commit`, checks the git work tree first.
  public func load(
    services: [String], waiting: (String) -> Void
  ) throws(WorkflowError) -> Loaded {
    // Compile the bundled schemas on another core while the repository is read.
    let schema = BundledSchema()
    guard FileSystem.targetType(root) == .directory else {
      throw .usage("--root: '\(root)' is not a folder")
    }
    let absolute = FileSystem.realPath(root) ?? root
    let lock: OutputLock
    do {
      lock = try OutputLock.acquire(root: absolute) { waiting(absolute) }
    } catch {
      throw .failed("\(error)")
    }
    let (repository, loadDiagnostics) = RepositoryLoader(root: absolute).load()
    let platform = PlatformParser.parse(repository).platform
    try Self.checkEnvironment(environment, in: platform, option: "--env")
    if let problem = RenderedOutput.folderProblem(
      root: repository.root, settings: platform.settings, fileNames: repository.fileNames)
    {
      throw .nothingWritten([WorkflowFindings([problem], in: repository)])
    }
    var seen: Set<String> = []
    for service in services {
      guard platform.services[service] != nil else {
        throw .usage(
          "no service '\(service)'\(Suggestion.didYouMean(service, in: platform.services.keys)) (services: \(platform.serviceNames.joined(separator: ", ")))"
        )
      }
      guard seen.insert(service).inserted else {
        throw .usage("'\(service)' is named twice; give each service one version")
      }
    }
    if commit {
      let folders = RepositoryLoader.inputFolders + [platform.settings.output]
      do {
        try VersionCommitter(root: repository.root).checkClean(watchedFolders: folders)
      } catch {
        throw .failed("nothing written: \(error)")
      }
    }
    return Loaded(
      repository: repository, platform: platform,
      loadDiagnostics: loadDiagnostics,
      planner: SetVersionPlanner(repository: repository, platform: platform), lock: lock,
      schema: schema)
  }

  /// A usage error naming the environments when `name` is not one.
  public static func checkEnvironment(
    _ name: String, in platform: Platform, option: String
  ) throws(WorkflowError) {
    guard platform.environments[name] == nil else { return }
    throw .usage(
      "\(option): no environment '\(name)'\(Suggestion.didYouMean(name, in: platform.environments.keys)) (environments: \(platform.environmentNames.joined(separator: ", ")))"
    )
  }

  /// Fails when a version is neither a tag nor a digest, as the resolver would say.
  public static func checkVersions(_ pins: [VersionPin]) throws(WorkflowError) {
    for pin in pins where !ImageReference.isValidVersion(pin.version) {
      throw .failed(
        message:
          "render: nothing written: version '\(pin.version)' for \(pin.service) is neither an image tag nor a sha256 digest\n"
          + "  help: \(ImageReference.versionHelp)\n")
    }
  }

  /// Plans the edits for `pins` and validates the edited repository exactly as a build
  /// would, before anything is written; scans the output folder (finishing an
  /// interrupted write first) and checks nothing there is in the way.
  /// - Parameter schema: the bundled Kubernetes schemas, asked for only when needed.
  public func prepare(
    _ pins: [VersionPin], loaded: Loaded, schema: () async -> KubernetesSchema
  ) async throws(WorkflowError) -> Prepared {
    try await prepare(
      loaded.planner.plan(pins, in: environment, explicit: explicit), pins: pins,
      loaded: loaded, schema: schema)
  }

  /// `prepare` for an already planned change of `pins` (`set-version --release` plans
  /// the release-wide version with `SetVersionPlanner.planRelease`).
  public func prepare(
    _ planned: Result<SetVersionPlan, DiagnosticList>, pins: [VersionPin], loaded: Loaded,
    schema: () async -> KubernetesSchema
  ) async throws(WorkflowError) -> Prepared {
    try Self.checkVersions(pins)
    let plan: SetVersionPlan
    switch planned {
    case .success(let planned): plan = planned
    case .failure(let list):
      throw .nothingWritten([WorkflowFindings(list.diagnostics, in: loaded.repository)])
    }
    let changes = plan.effectiveChanges
    guard !changes.isEmpty else { return .unchanged(plan.changes) }

    let settings = loaded.platform.settings
    // An interrupted write is finished first: versions.yaml is read from the tree.
    let root = plan.repository.root
    let writer = TreeWriter(outputPath: root + "/" + settings.output)
    if writer.hasPendingWrite {
      do {
        try writer.recover()
      } catch {
        throw .failed("\(error)")
      }
    }
    var options = BuildOptions(environments: plan.affectedEnvironments)
    options.previousVersions = VersionsFile.recorded(root: root, output: settings.output)
    let compiled = await Self.compile(
      plan.repository, loaded: loaded, options: options, changed: Set(changes.map(\.service)),
      schema: schema)
    let found = WorkflowFindings(compiled.diagnostics, in: plan.repository)
    if compiled.diagnostics.hasErrors {
      throw .failed(
        findings: [found],
        message:
          "render: nothing written: with this change the repository has the errors above.\n")
    }
    let rendered: RenderedOutput
    do {
      rendered = try RenderedOutput.scan(
        root: root, tree: compiled.tree, recover: true, fileNames: plan.repository.fileNames)
    } catch {
      throw .failed(findings: [found], message: "render: \(error)\n")
    }
    let notes = rendered.diff.conflicts + rendered.notes
    guard rendered.diff.conflicts.isEmpty else {
      throw .failed(
        findings: [found, WorkflowFindings(notes, in: plan.repository)],
        message: "render: nothing written: fix the errors above.\n")
    }
    // Environments that inherit this one follow the pin unless they set their own.
    var inherited: [InheritedVersion] = []
    for name in plan.affectedEnvironments where name != environment {
      for change in changes {
        let before = loaded.planner.resolve(service: change.service, in: name)?.version?.value
        let after = compiled.versions[name]?[change.service]
        guard before != after else { continue }
        inherited.append(
          InheritedVersion(
            environment: name, service: change.service, before: before, after: after,
            from: environment))
      }
    }
    return .ready(
      PinWrite(
        plan: plan, diagnostics: compiled.diagnostics, notes: notes, rendered: rendered,
        inherited: inherited))
  }

  /// The edited repository's render of the environments the edit reaches, its findings,
  /// and the version each pinned service resolves to in each of them. From
  /// `.render-cache/` when the stored compile of the repository before the edit lets
  /// `CompilationCache.compileChangedServices` compile only the pinned services (and
  /// then stored, so the next build is answered whole); compiled otherwise.
  private static func compile(
    _ repository: Repository, loaded: Loaded, options: BuildOptions, changed: Set<String>,
    schema: () async -> KubernetesSchema
  ) async -> (tree: OutputTree, diagnostics: [Diagnostic], versions: [String: [String: String]]) {
    let bundled = await schema()
    if loaded.loadDiagnostics.isEmpty,
      let whole = await CompilationCache(root: repository.root).compileChangedServices(
        LoadedRepository(
          repository: repository, settings: loaded.platform.settings, diagnostics: [],
          environments: [], services: []),
        schema: { bundled }, build: BinaryIdentity.current(), store: true),
      let filtered = FilteredCompilation.derive(from: whole, options: options)
    {
      // Only the pinned services are parsed to say what version each now runs.
      var (platform, _) = PlatformParser.parse(repository, services: changed)
      platform.settings = loaded.platform.settings
      let resolved = await ResolvedPlatform.resolve(platform, environments: options.environments)
      return (filtered.tree, [], Self.versions(resolved.services))
    }
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    let compilation = await Compiler.compile(
      platform, diagnostics: loaded.loadDiagnostics + parseDiagnostics, options: options,
      schema: bundled)
    return (compilation.tree, compilation.diagnostics, Self.versions(compilation.services))
  }

  /// The version of each resolved service, by environment, then service.
  private static func versions(
    _ services: [String: [String: ResolvedService]]
  ) -> [String: [String: String]] {
    services.mapValues { $0.compactMapValues { $0.version?.value } }
  }

  /// Writes the edited input files, then brings the output folder up to date.
  public func write(_ pinned: PinWrite) throws(WorkflowError) {
    let root = pinned.plan.repository.root
    var inputsWritten = false
    do throws(FileSystem.Error) {
      for path in pinned.plan.editedPaths {
        guard let text = pinned.plan.files[path] else { continue }
        try InputFileWriter.write(
          text, to: root + "/" + path, creating: pinned.plan.createdFiles.contains(path))
        inputsWritten = true
      }
      try pinned.rendered.write()
    } catch {
      var message = "render: \(error)\n"
      if inputsWritten {
        message +=
          "render: the input files are edited but \(pinned.rendered.tree.folder)/ is not up to date: run `render build`\n"
      }
      throw .failed(message: message)
    }
  }

  /// Commits the edited inputs and the changed rendered files; the commit's hash and
  /// subject.
  public func commit(_ pinned: PinWrite) throws(WorkflowError) -> (hash: String, subject: String) {
    // Pins kept in later stages are part of the commit, not of what it promotes.
    let message = VersionCommitMessage(
      environment: environment,
      changes: pinned.plan.effectiveChanges.filter { $0.keptBecause == nil },
      promotedFrom: promotedFrom)
    do {
      let hash = try VersionCommitter(root: pinned.plan.repository.root).commit(
        pinned.plan.editedPaths + pinned.rendered.changedPaths, message: message)
      return (hash, message.subject)
    } catch {
      throw .failed("\(error)")
    }
  }

  /// `prod: checkout 1.14.2 -> 1.15.0 (environments/prod/checkout.yaml:3)`.
  /// - Parameter fileNames: the table the change's location is numbered in.
  public static func line(for change: PinChange, fileNames: SourceFileNames) -> String {
    let prefix = "\(change.environment): "
    let place =
      change.location.isKnown
      ? "\(fileNames.path(of: change.location.fileID)):\(change.location.line)"
      : fileNames.describe(change.location)
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
