/// Argo CD `Application` manifests for rendered environments (SPEC section 5, `argocd:`
/// in render.yaml).
///
/// Per environment, under `_argocd/<env>/`: one Application per service folder
/// (`<env>-<service>`) and one for the environment's own resources (`<env>-environment`,
/// in sync wave -1 so namespaces, quotas and network policies come first). Beside them,
/// `_argocd/root-<env>.yaml` is the environment's app of apps: applied once by hand, it
/// syncs the Applications of `_argocd/<env>/`, so adding or removing a service needs no
/// change in the cluster.
///
/// Every Application syncs automatically, prunes what left git and reverts drift
/// (selfHeal). Service and environment Applications carry the resources finalizer, so
/// deleting one deletes what it deployed; roots do not, so deleting a root by mistake
/// leaves the environment running.
public struct ArgoCDApplications: Sendable {
  public static let folder = "_argocd"
  public static let apiVersion = "argoproj.io/v1alpha1"
  public static let finalizer = "resources-finalizer.argocd.argoproj.io"
  /// The API server of the cluster Argo CD runs in, where roots create Applications.
  public static let inCluster = "https://kubernetes.default.svc"

  public let settings: ArgoCDSettings
  /// The output folder, relative to the repository root (`rendered`).
  public let output: String

  public init(settings: ArgoCDSettings, output: String) {
    self.settings = settings
    self.output = output
  }

  /// `_argocd/<env>/application-<env>-<suffix>.yaml`; `suffix` is a service name, or
  /// `environment` for the environment's own resources.
  public static func path(environment: String, suffix: String) -> String {
    "\(folder)/\(environment)/application-\(environment)-\(suffix).yaml"
  }

  /// `_argocd/root-<env>.yaml`.
  public static func rootPath(environment: String) -> String {
    "\(folder)/root-\(environment).yaml"
  }

  /// The environment's Applications and its root, or findings when it has no cluster to
  /// deploy to.
  public func manifests(
    for environment: ReconcilerEnvironment
  ) -> (
    manifests: [ReconcilerManifest], diagnostics: [Diagnostic]
  ) {
    guard let cluster = environment.cluster else {
      let file = environment.files.last ?? SettingsParser.file
      return (
        [],
        [
          .input(
            "environment '\(environment.name)' has no 'cluster', which Argo CD Applications need as their destination",
            at: .start(of: file),
            related: [.init("Argo CD output is enabled here", at: settings.location)],
            help:
              "set 'cluster:' in \(file) to a cluster name Argo CD knows (or 'in-cluster' for the cluster Argo CD runs in)"
          )
        ]
      )
    }
    let destination = self.destination(cluster: cluster)
    var manifests: [ReconcilerManifest] = []
    if environment.hasOwnResources {
      manifests.append(
        manifest(
          suffix: "environment", environment: environment, service: nil,
          path: "\(output)/\(environment.name)/\(ResourcePath.environmentFolder)",
          destination: destination, namespace: environment.namespace,
          target: .environmentResources))
    }
    for service in environment.services {
      manifests.append(
        manifest(
          suffix: service.name, environment: environment,
          service: service.name, path: "\(output)/\(environment.name)/\(service.name)",
          destination: destination, namespace: service.namespace, target: .service(service.name)))
    }
    manifests.append(root(for: environment))
    return (manifests, [])
  }

  /// `server:` when render.yaml's `clusters` maps the cluster to an API server, else
  /// `name:` (a cluster registered in Argo CD under that name).
  private func destination(cluster: Located<String>) -> Node.Entry {
    if let server = settings.clusterServers[cluster.value] {
      return .init(
        "server", .string(server, at: settings.location(of: "clusters." + cluster.value)))
    }
    return .init("name", .string(cluster.value, at: cluster.location))
  }

  private func manifest(
    suffix: String, environment: ReconcilerEnvironment, service: String?, path: String,
    destination: Node.Entry, namespace: Located<String>?, target: ReconcilerManifest.Target
  ) -> ReconcilerManifest {
    var metadata: [Node.Entry] = [
      .init("name", .string("\(environment.name)-\(suffix)")),
      .init("namespace", .string(settings.namespace, at: settings.location(of: "namespace"))),
      .init("labels", ReconcilerPlanner.labels(environment: environment.name, service: service)),
    ]
    if target == .environmentResources {
      // Before the services: they need the namespace, quotas and policies it creates.
      metadata.append(
        .init("annotations", .mapping([.init("argocd.argoproj.io/sync-wave", .string("-1"))])))
    }
    metadata.append(.init("finalizers", .sequence([.string(Self.finalizer)])))
    var destinationEntries = [destination]
    if let namespace {
      destinationEntries.append(
        .init("namespace", .string(namespace.value, at: namespace.location)))
    }
    let body = application(
      metadata: metadata, path: path, destination: .mapping(destinationEntries))
    return ReconcilerManifest(
      path: Self.path(environment: environment.name, suffix: suffix),
      resource: resource(body, environment: environment), target: target)
  }

  private func root(for environment: ReconcilerEnvironment) -> ReconcilerManifest {
    let namespace = Node.string(settings.namespace, at: settings.location(of: "namespace"))
    let body = application(
      metadata: [
        .init("name", .string("root-\(environment.name)")),
        .init("namespace", namespace),
        .init("labels", ReconcilerPlanner.labels(environment: environment.name, service: nil)),
      ],
      path: "\(output)/\(Self.folder)/\(environment.name)",
      destination: .mapping([
        .init("server", .string(Self.inCluster)),
        .init("namespace", namespace),
      ]))
    return ReconcilerManifest(
      path: Self.rootPath(environment: environment.name),
      resource: resource(body, environment: environment), target: .root)
  }

  private func application(metadata: [Node.Entry], path: String, destination: Node) -> Node {
    .mapping([
      .init("apiVersion", .string(Self.apiVersion)),
      .init("kind", .string("Application")),
      .init("metadata", .mapping(metadata)),
      .init(
        "spec",
        .mapping([
          .init("project", .string(settings.project, at: settings.location(of: "project"))),
          .init(
            "source",
            .mapping([
              .init("repoURL", .string(settings.repoURL, at: settings.location(of: "repoURL"))),
              .init(
                "targetRevision",
                .string(settings.targetRevision, at: settings.location(of: "targetRevision"))),
              .init("path", .string(path)),
            ])),
          .init("destination", destination),
          .init(
            "syncPolicy",
            .mapping([
              .init(
                "automated",
                .mapping([
                  .init("prune", .scalar(.bool(true))),
                  .init("selfHeal", .scalar(.bool(true))),
                ]))
            ])),
        ])),
    ])
  }

  private func resource(_ body: Node, environment: ReconcilerEnvironment) -> Resource {
    var resource = Resource(
      body: body, service: nil, environment: environment.name, source: settings.location)
    resource.inputs = environment.files
    return resource
  }
}
