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
  /// `syncPolicy`, with the keys render.yaml writes over the standard policy.
  public var syncPolicy: ArgoCDSyncPolicy = .standard(at: .generated)
  /// `manifestGeneratePaths` (default true): annotate each Application with
  /// `argocd.argoproj.io/manifest-generate-paths: .`, so a webhook refreshes only the
  /// Applications whose folder a commit changed.
  public var manifestGeneratePaths = true
  /// `applicationSet` (default false): per environment, one ApplicationSet with a git
  /// directory generator over `rendered/<env>/*` instead of one Application per service.
  public var applicationSet = false
  /// `environments`: per environment project and sync policy.
  public var environments: [String: ArgoCDEnvironmentSettings] = [:]
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

  /// The project of `environment`'s Applications.
  public func project(for environment: String) -> Located<String> {
    environments[environment]?.project ?? Located(project, at: location(of: "project"))
  }

  /// The sync policy of `environment`'s Applications.
  public func syncPolicy(for environment: String) -> ArgoCDSyncPolicy {
    guard let layer = environments[environment]?.syncPolicy else { return syncPolicy }
    return syncPolicy.applying(layer)
  }

  /// The location of `field` in render.yaml, or of `argocd:` when the field was not
  /// written (a default).
  public func location(of field: String) -> SourceLocation {
    fieldLocations[field] ?? location
  }
}
