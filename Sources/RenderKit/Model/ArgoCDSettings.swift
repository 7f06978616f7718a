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
  /// Where `argocd:` is written in render.yaml: the source of every generated
  /// `Application`, and where findings about them point.
  public var location: SourceLocation = .generated
  /// Where each field was written (`repoURL`, `project`, `clusters.<name>`...), so a
  /// generated value keeps the location that set it.
  public var fieldLocations: [String: SourceLocation] = [:]

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

  /// The location of `field` in render.yaml, or of `argocd:` when the field was not
  /// written (a default).
  public func location(of field: String) -> SourceLocation {
    fieldLocations[field] ?? location
  }
}
