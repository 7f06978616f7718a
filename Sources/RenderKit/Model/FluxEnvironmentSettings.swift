/// `flux.environments.<env>` in render.yaml: what differs for one environment's
/// Kustomizations. Each key given replaces the top level's.
public struct FluxEnvironmentSettings: Sendable {
  public var name: Located<String>
  public var interval: Located<String>?
  public var prune: Located<Bool>?
  public var wait: Located<Bool>?
  public var timeout: Located<String>?
  public var retryInterval: Located<String>?
  public var dependsOn: [Located<String>]?

  public init(name: Located<String>) {
    self.name = name
  }
}
