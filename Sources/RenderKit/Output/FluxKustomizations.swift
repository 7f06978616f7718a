/// Flux `Kustomization` manifests (kustomize.toolkit.fluxcd.io/v1) for rendered
/// environments (SPEC section 5, `flux:` in render.yaml).
///
/// Per environment, under `_flux/<env>/`: one Kustomization per service folder
/// (`<env>-<service>`) and one for the environment's own resources
/// (`<env>-environment`), which the services' Kustomizations depend on so namespaces and
/// quotas exist first. Flux runs inside each cluster, so a cluster's Flux is bootstrapped
/// with `--path=rendered/_flux/<env>` of its environment; there is no root object.
/// `flux bootstrap` writes its own manifests to `rendered/_flux/<env>/flux-system/`
/// (`bootstrapFolder`), which render leaves alone. Every Kustomization prunes what left
/// git unless `prune: false`; `wait`, `timeout`, `retryInterval` and `dependsOn` (added
/// after the environment's own Kustomization) come from render.yaml.
public struct FluxKustomizations: Sendable {
  public static let folder = "_flux"
  public static let apiVersion = "kustomize.toolkit.fluxcd.io/v1"

  public let settings: FluxSettings
  /// The output folder, relative to the repository root (`rendered`).
  public let output: String

  public init(settings: FluxSettings, output: String) {
    self.settings = settings
    self.output = output
  }

  /// `_flux/<env>/kustomization-<env>-<suffix>.yaml`; `suffix` is a service name, or
  /// `environment` for the environment's own resources.
  public static func path(environment: String, suffix: String) -> String {
    "\(folder)/\(environment)/kustomization-\(environment)-\(suffix).yaml"
  }

  /// The folders `flux bootstrap` owns inside the output folder, one per environment:
  /// render neither touches nor reports the files there.
  public static func bootstrapFolders(
    _ settings: FluxSettings, environments: some Sequence<String>
  ) -> [String] {
    environments.map { "\(folder)/\($0)/\(settings.bootstrapFolder)/" }.sorted()
  }

  public func manifests(for environment: ReconcilerEnvironment) -> [ReconcilerManifest] {
    let settings = self.settings.applying(environment: environment.name)
    var manifests: [ReconcilerManifest] = []
    let environmentName = "\(environment.name)-environment"
    if environment.hasOwnResources {
      manifests.append(
        manifest(
          suffix: "environment", environment: environment, service: nil,
          path: "./\(output)/\(environment.name)/\(ResourcePath.environmentFolder)",
          dependsOn: nil, target: .environmentResources, settings: settings))
    }
    for service in environment.services {
      manifests.append(
        manifest(
          suffix: service.name, environment: environment, service: service.name,
          path: "./\(output)/\(environment.name)/\(service.name)",
          dependsOn: environment.hasOwnResources ? environmentName : nil,
          target: .service(service.name), settings: settings))
    }
    return manifests
  }

  private func manifest(
    suffix: String, environment: ReconcilerEnvironment, service: String?, path: String,
    dependsOn: String?, target: ReconcilerManifest.Target, settings: FluxSettings
  ) -> ReconcilerManifest {
    var sourceRef: [Node.Entry] = [
      .init("kind", .string(settings.sourceKind, at: settings.location(of: "sourceRef.kind"))),
      .init("name", .string(settings.sourceName, at: settings.location(of: "sourceRef.name"))),
    ]
    if let namespace = settings.sourceNamespace {
      sourceRef.append(
        .init("namespace", .string(namespace, at: settings.location(of: "sourceRef.namespace"))))
    }
    var spec: [Node.Entry] = [
      .init("interval", .string(settings.interval, at: settings.location(of: "interval"))),
      .init("path", .string(path)),
      .init("prune", .scalar(.bool(settings.prune.value), at: settings.prune.location)),
      .init("sourceRef", .mapping(sourceRef, at: settings.location(of: "sourceRef"))),
    ]
    if let wait = settings.wait {
      spec.append(.init("wait", .scalar(.bool(wait.value), at: wait.location)))
    }
    if let timeout = settings.timeout {
      spec.append(.init("timeout", .string(timeout.value, at: timeout.location)))
    }
    if let retryInterval = settings.retryInterval {
      spec.append(.init("retryInterval", .string(retryInterval.value, at: retryInterval.location)))
    }
    // The environment's own Kustomization first, then what render.yaml names.
    var dependencies: [Node] = []
    if let dependsOn {
      dependencies.append(.mapping([.init("name", .string(dependsOn))]))
    }
    for dependency in settings.dependsOn {
      let parts = dependency.value.split(separator: "/").map(String.init)
      var entries: [Node.Entry] = [
        .init("name", .string(parts.last ?? "", at: dependency.location))
      ]
      if parts.count == 2 {
        entries.append(.init("namespace", .string(parts[0], at: dependency.location)))
      }
      dependencies.append(.mapping(entries, at: dependency.location))
    }
    if !dependencies.isEmpty {
      spec.append(.init("dependsOn", .sequence(dependencies)))
    }
    let body = Node.mapping([
      .init("apiVersion", .string(Self.apiVersion)),
      .init("kind", .string("Kustomization")),
      .init(
        "metadata",
        .mapping([
          .init("name", .string("\(environment.name)-\(suffix)")),
          .init("namespace", .string(settings.namespace, at: settings.location(of: "namespace"))),
          .init(
            "labels", ReconcilerPlanner.labels(environment: environment.name, service: service)),
        ])),
      .init("spec", .mapping(spec)),
    ])
    var resource = Resource(
      body: body, service: nil, environment: environment.name, source: settings.location)
    resource.inputs = environment.files
    return ReconcilerManifest(
      path: Self.path(environment: environment.name, suffix: suffix), resource: resource,
      target: target)
  }
}
