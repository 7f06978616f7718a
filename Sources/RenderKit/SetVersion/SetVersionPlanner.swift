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
  public func plan(
    _ pins: [VersionPin], in environment: String
  ) -> Result<SetVersionPlan, DiagnosticList> {
    guard let target = platform.environments[environment] else {
      return .failure(
        DiagnosticList([
          .input("no environment '\(environment)'", at: .start(of: "environments"))
        ]))
    }
    var files: [String: String] = [:]
    var created: Set<String> = []
    var changes: [PinChange] = []
    var diagnostics: [Diagnostic] = []
    for pin in pins {
      guard platform.services[pin.service] != nil else {
        diagnostics.append(.input("no service '\(pin.service)'", at: .start(of: "services")))
        continue
      }
      let previous = resolve(service: pin.service, in: environment)?.version
      if previous?.value == pin.version {
        changes.append(
          PinChange(
            environment: environment, service: pin.service, previous: previous,
            version: pin.version, edit: .unchanged, location: previous?.location ?? .generated))
        continue
      }
      let (file, path) = destination(of: pin.service, in: target)
      let exists = files[file] != nil || repository.files[file] != nil
      let text = files[file] ?? repository.files[file]?.text ?? ""
      do {
        let edit = try YAMLTextEditor.setString(pin.version, at: path, in: text, file: file)
        files[file] = edit.text
        if !exists { created.insert(file) }
        let kind: PinChange.Edit
        switch edit.change {
        case .replaced: kind = .replaced
        case .inserted: kind = created.contains(file) ? .created : .inserted
        case .unchanged: kind = .unchanged
        }
        changes.append(
          PinChange(
            environment: environment, service: pin.service, previous: previous,
            version: pin.version, edit: kind, location: edit.location))
      } catch {
        diagnostics.append(
          .input(
            "cannot pin \(pin.service) in \(file): \(error.message)", at: error.location,
            help: "set 'version' in \(file) by hand, or make the file a plain mapping"))
      }
    }
    guard diagnostics.isEmpty else { return .failure(DiagnosticList(diagnostics)) }

    var edited = repository
    for (path, text) in files {
      edited.files[path] = SourceFile(path: path, text: text)
    }
    return .success(
      SetVersionPlan(
        environment: environment, changes: changes, files: files, createdFiles: created,
        repository: edited, affectedEnvironments: affectedEnvironments(of: environment)))
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
