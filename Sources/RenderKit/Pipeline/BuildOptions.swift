/// Which part of the platform a run renders. Empty lists mean everything.
public struct BuildOptions: Sendable {
  /// Environments to render (`--env`); others are resolved (for versions.yaml and for
  /// input errors) but not rendered.
  public var environments: [String]
  /// Services whose files to write (`--service`); the rest of each environment is still
  /// rendered so environment patches and cross-service checks see the whole
  /// environment.
  public var services: [String]

  /// `--strict`: policy warnings count as errors.
  public var strict: Bool
  /// The versions.yaml the previous build wrote, for filtered builds: what they do not
  /// render keeps its recorded version.
  public var previousVersions: [String: [String: String]] = [:]
  /// Told the name of each long stage as it starts, with counts ("rendering 5000
  /// services"), for a progress line on a terminal.
  public var progress: (@Sendable (String) -> Void)?

  public init(environments: [String] = [], services: [String] = [], strict: Bool = false) {
    self.environments = environments
    self.services = services
    self.strict = strict
  }
}
