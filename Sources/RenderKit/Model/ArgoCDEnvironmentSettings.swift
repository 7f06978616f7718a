/// `argocd.environments.<env>` in render.yaml: what differs for one environment's
/// Applications (prod in its own Argo CD project, syncing by hand, say).
public struct ArgoCDEnvironmentSettings: Sendable {
  public var name: Located<String>
  public var project: Located<String>?
  /// Replaces the keys of `argocd.syncPolicy` it writes.
  public var syncPolicy: ArgoCDSyncPolicy.Layer?

  public init(
    name: Located<String>, project: Located<String>? = nil,
    syncPolicy: ArgoCDSyncPolicy.Layer? = nil
  ) {
    self.name = name
    self.project = project
    self.syncPolicy = syncPolicy
  }
}
