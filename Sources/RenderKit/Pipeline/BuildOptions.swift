/// Which part of the platform a run renders. Empty lists mean everything.
public struct BuildOptions: Sendable {
  /// Environments to render (`--env`); others are resolved (for versions.yaml and for
  /// input errors) but not rendered.
  public var environments: [String]
  /// Services whose files to write (`--service`); the rest of each environment is still
  /// rendered so environment patches and cross-service checks see the whole
  /// environment.
  public var services: [String]

  public init(environments: [String] = [], services: [String] = []) {
    self.environments = environments
    self.services = services
  }
}
