/// Decides where each pin of `render set-version` goes and computes the edited text,
/// without touching the disk.
///
/// The pin goes into the most specific file *of the environment* that can hold it:
/// 1. the override that already sets `version` (`environments/<env>/<service>.yaml`,
///    or `services.<service>` in `environments/<env>/environment.yaml`);
/// 2. otherwise the existing override of the service, with `version` added;
/// 3. otherwise a new `environments/<env>/<service>.yaml` holding `version:` alone.
///
/// A parent environment's files and `service.yaml` are never edited: that would move
/// other environments too. Text is edited with `YAMLTextEditor`, so every other byte,
/// comment and blank line stays.
public struct SetVersionPlanner: Sendable {
  public let repository: Repository
  public let platform: Platform
  private let environments: [String: ResolvedEnvironment]

  public init(repository: Repository, platform: Platform) {
    self.repository = repository
    self.platform = platform
    self.environments = EnvironmentResolver.resolve(platform).environments
  }

  /// The service as it resolves in `environment` (abstract ones included); `nil` when
  /// either is unknown or the environment's `inherits` chain is broken.
  public func resolve(service name: String, in environment: String) -> ResolvedService? {
    guard let service = platform.services[name], let resolved = environments[environment] else {
      return nil
    }
    return ServiceResolver(platform: platform).resolve(service, in: resolved).service
  }

  /// Plans `pins` in `environment`. Names must exist (the command checks them first);
  /// versions must be valid. Findings are errors in the files that could not be edited.
  ///
  /// An environment that inherits `environment` and comes after it in render.yaml's
  /// `promotion` would silently follow the new version: it gets a pin of the version it
  /// has now instead (a change with `keptBecause`), so a promotion never skips a stage.
  /// - Parameter explicit: write the pin into `environment`'s own files even when it
  ///   already resolves to the version by inheritance (`--pin`).
  public func plan(
    _ pins: [VersionPin], in environment: String, explicit: Bool = false
  ) -> Result<SetVersionPlan, DiagnosticList> {
    guard let target = platform.environments[environment] else {
      return unknownEnvironment(environment)
    }
    var draft = Draft()
    for pin in pins {
      guard platform.services[pin.service] != nil else {
        draft.diagnostics.append(
          .input("no service '\(pin.service)'", at: repository.fileNames.start(of: "services")))
        continue
      }
      let previous = resolve(service: pin.service, in: environment)?.version
      let ownPin = target.overrides[pin.service]?.version != nil
      let moves = previous?.value != pin.version
      set(
        pin, previous: previous, in: target, unchanged: !moves && (!explicit || ownPin),
        keeping: moves
          ? followers(of: pin.service, in: environment).filter { $0.version.value != pin.version }
          : [],
        at: { destination(of: pin.service, in: $0) }, draft: &draft)
    }
    return finish(environment, draft)
  }

  /// The `defaults.version` `environment` resolves to (its own or an ancestor's).
  public func releaseVersion(in environment: String) -> Located<String>? {
    environments[environment]?.chain.compactMap(\.defaultVersion).last
  }

  /// What `PinChange.service` names for an environment's release-wide version.
  public static let releaseVersion = "defaults.version"

  /// Plans setting `defaults.version` (the version of every templated service with an
  /// image) in `environment`'s environment.yaml, adding `defaults:` when it has none.
  /// Later stages of `promotion` that inherit it without a `defaults.version` between
  /// keep the release they run now: it is written into their environment.yaml.
  public func planRelease(
    _ version: String, in environment: String
  ) -> Result<SetVersionPlan, DiagnosticList> {
    guard let target = platform.environments[environment] else {
      return unknownEnvironment(environment)
    }
    var draft = Draft()
    let previous = releaseVersion(in: environment)
    var followers: [(environment: String, version: Located<String>)] = []
    if let previous, previous.value != version {
      followers = releaseFollowers(of: environment).map { ($0, previous) }
    }
    set(
      VersionPin(service: Self.releaseVersion, version: version), previous: previous,
      in: target, unchanged: previous?.value == version && target.defaultVersion != nil,
      keeping: followers, at: { ($0.file, ["defaults", "version"]) }, draft: &draft)
    return finish(environment, draft)
  }

  /// The edits of a plan as they accumulate, pin by pin.
  private struct Draft {
    /// Edited text by path, on top of the repository's.
    var files: [String: String] = [:]
    var created: Set<String> = []
    var changes: [PinChange] = []
    var diagnostics: [Diagnostic] = []
  }

  /// Sets `pin` in `target` at the place `destination` gives for an environment, first
  /// writing into each of `followers` (later stages of `promotion` that would follow
  /// `target`) the version it runs now. `unchanged`: `target` already has it; only
  /// recorded.
  private func set(
    _ pin: VersionPin, previous: Located<String>?, in target: Environment, unchanged: Bool,
    keeping followers: [(environment: String, version: Located<String>)],
    at destination: (Environment) -> (file: String, path: [String]), draft: inout Draft
  ) {
    if unchanged {
      draft.changes.append(
        PinChange(
          environment: target.name, service: pin.service, previous: previous,
          version: pin.version, edit: .unchanged, location: previous?.location ?? .generated))
      return
    }
    for (child, kept) in followers {
      guard let childEnvironment = platform.environments[child] else { continue }
      if var change = write(
        VersionPin(service: pin.service, version: kept.value), previous: kept,
        at: destination(childEnvironment), in: childEnvironment, draft: &draft)
      {
        change.keptBecause = "\(child) inherits \(target.name) and comes after it in 'promotion'"
        draft.changes.append(change)
      }
    }
    if let change = write(
      pin, previous: previous, at: destination(target), in: target, draft: &draft)
    {
      draft.changes.append(change)
    }
  }

  /// The failure of a plan for an environment the platform does not have.
  private func unknownEnvironment(
    _ environment: String
  ) -> Result<SetVersionPlan, DiagnosticList> {
    .failure(
      DiagnosticList([
        .input(
          "no environment '\(environment)'", at: repository.fileNames.start(of: "environments"))
      ]))
  }

  /// The plan of `draft`, or the findings that stop it.
  private func finish(
    _ environment: String, _ draft: Draft
  ) -> Result<SetVersionPlan, DiagnosticList> {
    guard draft.diagnostics.isEmpty else { return .failure(DiagnosticList(draft.diagnostics)) }
    var edited = repository
    for (path, text) in draft.files {
      edited.files[path] = SourceFile(path: path, text: text)
    }
    return .success(
      SetVersionPlan(
        environment: environment, changes: draft.changes, files: draft.files,
        createdFiles: draft.created, repository: edited,
        affectedEnvironments: affectedEnvironments(of: environment)))
  }

  /// The concrete environments after `environment` in `promotion` that inherit it and
  /// take their `defaults.version` from it or above. Sorted by name.
  func releaseFollowers(of environment: String) -> [String] {
    guard let promotion = platform.settings.promotion?.map(\.value),
      let position = promotion.firstIndex(of: environment)
    else { return [] }
    return promotion[(position + 1)...].sorted().filter { child in
      guard let chain = environments[child]?.chain,
        let index = chain.firstIndex(where: { $0.name == environment })
      else { return false }
      return !chain[(index + 1)...].contains { $0.defaultVersion != nil }
    }
  }

  /// Sets `pin`'s version at `destination`, on top of the draft's files.
  private func write(
    _ pin: VersionPin, previous: Located<String>?, at destination: (file: String, path: [String]),
    in environment: Environment, draft: inout Draft
  ) -> PinChange? {
    let (file, path) = destination
    let exists = draft.files[file] != nil || repository.files[file] != nil
    let text = draft.files[file] ?? repository.files[file]?.text ?? ""
    do {
      let edit = try YAMLTextEditor.setString(
        pin.version, at: path, in: text, file: file, fileNames: repository.fileNames)
      draft.files[file] = edit.text
      if !exists { draft.created.insert(file) }
      let kind: PinChange.Edit
      switch edit.change {
      case .replaced: kind = .replaced
      case .inserted: kind = draft.created.contains(file) ? .created : .inserted
      case .unchanged: kind = .unchanged
      }
      return PinChange(
        environment: environment.name, service: pin.service, previous: previous,
        version: pin.version, edit: kind, location: edit.location)
    } catch {
      draft.diagnostics.append(
        .input(
          "cannot pin \(pin.service) in \(file): \(error.message)", at: error.location,
          help: "set 'version' in \(file) by hand, or make the file a plain mapping"))
      return nil
    }
  }

  /// The concrete environments that come after `environment` in `promotion`, inherit
  /// it, and take `service`'s version from it or above (no override between sets one),
  /// with the version each runs now. Sorted by name.
  func followers(
    of service: String, in environment: String
  ) -> [(environment: String, version: Located<String>)] {
    guard let promotion = platform.settings.promotion?.map(\.value),
      let position = promotion.firstIndex(of: environment)
    else { return [] }
    var result: [(environment: String, version: Located<String>)] = []
    for child in promotion[(position + 1)...].sorted() {
      guard let chain = environments[child]?.chain,
        let index = chain.firstIndex(where: { $0.name == environment })
      else { continue }
      let below = chain[(index + 1)...]
      guard !below.contains(where: { $0.overrides[service]?.version != nil }),
        let current = resolve(service: service, in: child), current.isEnabled,
        let version = current.version
      else { continue }
      result.append((child, version))
    }
    return result
  }

  /// The file and key path that should hold the service's version in `environment`.
  func destination(
    of service: String, in environment: Environment
  ) -> (file: String, path: [String]) {
    if let override = environment.overrides[service] {
      if override.file == environment.file {
        return (override.file, ["services", service, "version"])
      }
      return (override.file, ["version"])
    }
    return ("environments/\(environment.name)/\(service).yaml", ["version"])
  }

  /// Concrete environments whose chain includes `environment`, sorted.
  func affectedEnvironments(of environment: String) -> [String] {
    environments.values
      .filter { resolved in
        !(resolved.leaf?.isAbstract ?? true) && resolved.chain.contains { $0.name == environment }
      }
      .map(\.name).sorted()
  }
}
