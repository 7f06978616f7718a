/// Where Argo CD finds the repository; with it, render writes one `Application` per
/// service and environment under `rendered/_argocd/<env>/`.
public struct ArgoCDSettings: Sendable {
  public var repoURL: String
  public var targetRevision: String
  public var project: String
  /// The namespace the `Application` objects live in.
  public var namespace: String
  /// The cluster API server address per cluster name (`environment.yaml`'s `cluster`);
  /// clusters not listed are addressed by name.
  public var clusterServers: [String: String]

  public init(
    repoURL: String, targetRevision: String, project: String, namespace: String,
    clusterServers: [String: String]
  ) {
    self.repoURL = repoURL
    self.targetRevision = targetRevision
    self.project = project
    self.namespace = namespace
    self.clusterServers = clusterServers
  }
}
