/// `render promote`: the versions services resolve to in one environment, as pins for
/// another.
public enum Promotion {
  /// For `--all`: every service enabled in both environments, with a version in `from`
  /// that `to` does not run, in the platform's order.
  public static func differingServices(
    from: String, to: String, in loaded: VersionPinning.Loaded
  ) -> [String] {
    loaded.platform.serviceNames.filter { name in
      guard let source = loaded.planner.resolve(service: name, in: from),
        let target = loaded.planner.resolve(service: name, in: to),
        source.isEnabled, target.isEnabled, let version = source.version?.value
      else { return false }
      return target.version?.value != version
    }
  }

  /// The pins that give each of `services` the version it has in `from`. A service
  /// disabled there, or with no version there, fails the whole promotion.
  public static func pins(
    _ services: [String], from: String, in loaded: VersionPinning.Loaded
  ) throws(WorkflowError) -> [VersionPin] {
    var pins: [VersionPin] = []
    var problems: [String] = []
    for service in services {
      let resolved = loaded.planner.resolve(service: service, in: from)
      if let resolved, !resolved.isEnabled {
        let fileNames = loaded.repository.fileNames
        let place = resolved.enabled.map { " (\(fileNames.describe($0.location)))" } ?? ""
        problems.append("\(service) is disabled in \(from)\(place): there is no version to promote")
      } else if let version = resolved?.version {
        pins.append(VersionPin(service: service, version: version.value))
      } else {
        problems.append("\(service) has no version in \(from)")
      }
    }
    guard problems.isEmpty else {
      throw .failed(message: problems.map { "render: nothing written: \($0)\n" }.joined())
    }
    return pins
  }

  /// For `--release`: the pin that gives the environment promoted to the release-wide
  /// version `from` resolves to. An environment with none in its chain fails, located at
  /// its environment.yaml.
  public static func releasePin(
    from: String, in loaded: VersionPinning.Loaded
  ) throws(WorkflowError) -> VersionPin {
    guard let version = loaded.planner.releaseVersion(in: from) else {
      let file = loaded.platform.environments[from]?.file ?? "environments/\(from)"
      let finding = Diagnostic.input(
        "\(from) has no defaults.version to promote (nor does any environment it inherits)",
        at: loaded.repository.fileNames.start(of: file))
      throw .nothingWritten([WorkflowFindings([finding], in: loaded.repository)])
    }
    return VersionPin(service: SetVersionPlanner.releaseVersion, version: version.value)
  }
}
