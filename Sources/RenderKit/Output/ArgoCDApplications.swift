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
/// With `applicationSet: true`, the services' Applications are replaced by one
/// ApplicationSet per environment (`_argocd/<env>/applicationset-<env>.yaml`) whose git
/// directory generator makes an Application for each folder of `rendered/<env>/`.
///
/// By default every Application syncs automatically, prunes what left git and reverts
/// drift (selfHeal); `syncPolicy` in render.yaml (and per environment) changes that.
/// Service and environment Applications carry the resources finalizer, so deleting one
/// deletes what it deployed; roots do not, so deleting a root by mistake leaves the
/// environment running.
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

  /// `_argocd/<env>/applicationset-<env>.yaml`.
  public static func applicationSetPath(environment: String) -> String {
    "\(folder)/\(environment)/applicationset-\(environment).yaml"
  }

  /// Argo CD's annotation naming the paths whose changes refresh an Application (`.`:
  /// its own source folder).
  public static let manifestGeneratePaths = "argocd.argoproj.io/manifest-generate-paths"

  /// `_argocd/root-<env>.yaml`.
  public static func rootPath(environment: String) -> String {
    "\(folder)/root-\(environment).yaml"
  }

  /// The environment's Applications and its root, or findings when it has no cluster to
  /// deploy to.
  public func manifests(
    for environment: ReconcilerEnvironment, fileNames: SourceFileNames
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
            at: fileNames.start(of: file),
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
    if settings.applicationSet {
      if !environment.services.isEmpty {
        manifests.append(
          applicationSet(for: environment, destination: destination))
      }
    } else {
      for service in environment.services {
        manifests.append(
          manifest(
            suffix: service.name, environment: environment,
            service: service.name, path: "\(output)/\(environment.name)/\(service.name)",
            destination: destination, namespace: service.namespace,
            target: .service(service.name)))
      }
    }
    manifests.append(root(for: environment))
    return (manifests, namespaceWarnings(for: environment))
  }

  /// A warning when Argo CD would sync into a namespace that nothing creates: the
  /// environment renders no such `Namespace` and the sync options lack
  /// `CreateNamespace=true`, so the first sync fails with "namespace not found".
  func namespaceWarnings(for environment: ReconcilerEnvironment) -> [Diagnostic] {
    let policy = settings.syncPolicy(for: environment.name)
    guard !policy.createsNamespace else { return [] }
    var missing: [String: SourceLocation] = [:]
    for namespace in [environment.namespace] + environment.services.map(\.namespace) {
      guard let namespace, !environment.createdNamespaces.contains(namespace.value) else {
        continue
      }
      if missing[namespace.value] == nil { missing[namespace.value] = namespace.location }
    }
    return missing.sorted { $0.key < $1.key }.map { name, location in
      Diagnostic(
        .warning, rule: .namespace,
        "Argo CD deploys environment '\(environment.name)' into namespace '\(name)', which nothing creates: it renders no Namespace '\(name)' and the sync options lack CreateNamespace=true",
        at: location,
        related: [.init("Argo CD output is enabled here", at: settings.location)],
        help:
          "add a Namespace to environments/\(environment.name)/resources/ (or a parent's), or 'syncOptions: [CreateNamespace=true]' to argocd.syncPolicy in render.yaml"
      )
    }
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
    var annotations: [Node.Entry] = []
    if target == .environmentResources {
      // Before the services: they need the namespace, quotas and policies it creates.
      annotations.append(.init("argocd.argoproj.io/sync-wave", .string("-1")))
    }
    if settings.manifestGeneratePaths {
      annotations.append(
        .init(
          Self.manifestGeneratePaths,
          .string(".", at: settings.location(of: "manifestGeneratePaths"))))
    }
    if !annotations.isEmpty { metadata.append(.init("annotations", .mapping(annotations))) }
    metadata.append(.init("finalizers", .sequence([.string(Self.finalizer)])))
    var destinationEntries = [destination]
    if let namespace {
      destinationEntries.append(
        .init("namespace", .string(namespace.value, at: namespace.location)))
    }
    let body = application(
      metadata: metadata, path: path, destination: .mapping(destinationEntries),
      environment: environment.name)
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
      ]),
      environment: environment.name)
    return ReconcilerManifest(
      path: Self.rootPath(environment: environment.name),
      resource: resource(body, environment: environment), target: .root)
  }

  private func application(
    metadata: [Node.Entry], path: String, destination: Node, environment: String
  ) -> Node {
    .mapping([
      .init("apiVersion", .string(Self.apiVersion)),
      .init("kind", .string("Application")),
      .init("metadata", .mapping(metadata)),
      .init(
        "spec", applicationSpec(path: path, destination: destination, environment: environment)),
    ])
  }

  private func applicationSpec(path: String, destination: Node, environment: String) -> Node {
    let project = settings.project(for: environment)
    return .mapping([
      .init("project", .string(project.value, at: project.location)),
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
      .init("syncPolicy", settings.syncPolicy(for: environment).node),
    ])
  }

  /// One ApplicationSet for the environment's services: a git directory generator over
  /// `rendered/<env>/*` (without `_environment`, which keeps its own Application in sync
  /// wave -1) makes an Application `<env>-<folder>` per service folder. Destination
  /// namespace is the environment's; resources of services with their own namespace
  /// carry it in their metadata, which Argo CD honours.
  private func applicationSet(
    for environment: ReconcilerEnvironment, destination: Node.Entry
  ) -> ReconcilerManifest {
    let folder = "\(output)/\(environment.name)"
    var templateMetadata: [Node.Entry] = [
      .init("name", .string("\(environment.name)-{{.path.basename}}")),
      .init(
        "labels",
        .mapping(
          (ReconcilerPlanner.labels(environment: environment.name, service: nil).mapping ?? [])
            + [.init(ReconcilerPlanner.serviceLabel, .string("{{.path.basename}}"))])),
    ]
    if settings.manifestGeneratePaths {
      templateMetadata.append(
        .init(
          "annotations",
          .mapping([
            .init(
              Self.manifestGeneratePaths,
              .string(".", at: settings.location(of: "manifestGeneratePaths")))
          ])))
    }
    templateMetadata.append(.init("finalizers", .sequence([.string(Self.finalizer)])))
    var destinationEntries = [destination]
    if let namespace = environment.namespace {
      destinationEntries.append(
        .init("namespace", .string(namespace.value, at: namespace.location)))
    }
    let body = Node.mapping([
      .init("apiVersion", .string(Self.apiVersion)),
      .init("kind", .string("ApplicationSet")),
      .init(
        "metadata",
        .mapping([
          .init("name", .string(environment.name)),
          .init("namespace", .string(settings.namespace, at: settings.location(of: "namespace"))),
          .init("labels", ReconcilerPlanner.labels(environment: environment.name, service: nil)),
        ])),
      .init(
        "spec",
        .mapping([
          .init("goTemplate", .scalar(.bool(true))),
          .init("goTemplateOptions", .sequence([.string("missingkey=error")])),
          .init(
            "generators",
            .sequence([
              .mapping([
                .init(
                  "git",
                  .mapping([
                    .init(
                      "repoURL", .string(settings.repoURL, at: settings.location(of: "repoURL"))),
                    .init(
                      "revision",
                      .string(
                        settings.targetRevision, at: settings.location(of: "targetRevision"))),
                    .init(
                      "directories",
                      .sequence([
                        .mapping([.init("path", .string("\(folder)/*"))]),
                        .mapping([
                          .init(
                            "path", .string("\(folder)/\(ResourcePath.environmentFolder)")),
                          .init("exclude", .scalar(.bool(true))),
                        ]),
                      ])),
                  ]))
              ])
            ])),
          .init(
            "template",
            .mapping([
              .init("metadata", .mapping(templateMetadata)),
              .init(
                "spec",
                applicationSpec(
                  path: "{{.path.path}}", destination: .mapping(destinationEntries),
                  environment: environment.name)),
            ])),
        ])),
    ])
    return ReconcilerManifest(
      path: Self.applicationSetPath(environment: environment.name),
      resource: resource(body, environment: environment), target: .applicationSet)
  }

  private func resource(_ body: Node, environment: ReconcilerEnvironment) -> Resource {
    var resource = Resource(
      body: body, service: nil, environment: environment.name, source: settings.location)
    resource.inputs = environment.files
    return resource
  }
}
