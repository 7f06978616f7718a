/// The reconciler part of the Output stage: Argo CD Applications and Flux Kustomizations
/// for the rendered environments, as render.yaml asks for them, filtered like the rest of
/// the output.
public enum ReconcilerPlanner {
  /// The label naming the environment a reconciler object deploys.
  public static let environmentLabel = "render/environment"
  /// The label naming the service a reconciler object deploys (absent on objects for an
  /// environment's own resources and on roots).
  public static let serviceLabel = "render/service"

  /// - Parameters:
  ///   - environments: the rendered environments.
  ///   - services: `--service`; when given, only those services' objects belong to the
  ///     render (environment objects and roots are left as they are).
  ///   - fileNames: the table the findings' paths are numbered in.
  public static func plan(
    _ settings: ProjectSettings, environments: [ReconcilerEnvironment], services: [String] = [],
    fileNames: SourceFileNames
  ) -> (manifests: [ReconcilerManifest], diagnostics: [Diagnostic]) {
    var manifests: [ReconcilerManifest] = []
    var diagnostics: [Diagnostic] = []
    let sorted = environments.sorted { $0.name < $1.name }
    if let argoCD = settings.argoCD {
      let applications = ArgoCDApplications(settings: argoCD, output: settings.output)
      for environment in sorted {
        let (made, found) = applications.manifests(for: environment, fileNames: fileNames)
        manifests += made
        diagnostics += found
      }
    }
    if let flux = settings.flux {
      let kustomizations = FluxKustomizations(settings: flux, output: settings.output)
      for environment in sorted {
        manifests += kustomizations.manifests(for: environment)
      }
    }
    diagnostics += clashes(manifests)
    if !services.isEmpty {
      manifests = manifests.filter { manifest in
        if case .service(let name) = manifest.target { return services.contains(name) }
        return false
      }
    }
    return (manifests.sorted { $0.path < $1.path }, diagnostics)
  }

  /// The reconciler files a filtered render is responsible for (see
  /// `OutputTree.ownedPrefixes`): an environment's folders and root, or with `--service`
  /// only those services' files.
  public static func ownedPrefixes(environments: [String], services: [String]) -> [String] {
    environments.flatMap { environment -> [String] in
      if services.isEmpty {
        return [
          "\(ArgoCDApplications.folder)/\(environment)/",
          ArgoCDApplications.rootPath(environment: environment),
          "\(FluxKustomizations.folder)/\(environment)/",
        ]
      }
      return services.flatMap { service in
        [
          ArgoCDApplications.path(environment: environment, suffix: service),
          FluxKustomizations.path(environment: environment, suffix: service),
        ]
      }
    }
  }

  /// `app.kubernetes.io/managed-by` and the environment and service labels, so
  /// `kubectl get applications -l render/environment=prod` finds an environment's objects.
  static func labels(environment: String, service: String?) -> Node {
    var entries: [Node.Entry] = [
      LabelTransformer.managedBy,
      .init(environmentLabel, .string(environment)),
    ]
    if let service { entries.append(.init(serviceLabel, .string(service))) }
    return .mapping(entries)
  }

  /// Two objects of one kind with one name in one namespace: the second would replace
  /// the first in the cluster. `<env>-<service>` names can meet across environments
  /// (`prod` + `eu-checkout`, `prod-eu` + `checkout`) or with the environment's own
  /// object (a service called `environment`).
  static func clashes(_ manifests: [ReconcilerManifest]) -> [Diagnostic] {
    struct Key: Hashable {
      var kind: String
      var namespace: String
      var name: String
    }
    var first: [Key: ReconcilerManifest] = [:]
    var diagnostics: [Diagnostic] = []
    for manifest in manifests {
      let resource = manifest.resource
      let key = Key(kind: resource.kind, namespace: resource.namespace ?? "", name: resource.name)
      guard let earlier = first[key] else {
        first[key] = manifest
        continue
      }
      diagnostics.append(
        Diagnostic(
          .error, rule: .unique,
          "\(resource.kind) '\(resource.name)' in namespace '\(key.namespace)' is generated for both \(describe(earlier)) and \(describe(manifest)); one would replace the other",
          at: resource.source,
          help: "rename a service or an environment so that '<environment>-<service>' names differ")
      )
    }
    return diagnostics
  }

  private static func describe(_ manifest: ReconcilerManifest) -> String {
    switch manifest.target {
    case .service(let name): "service '\(name)' in environment '\(manifest.environment)'"
    case .environmentResources: "the resources of environment '\(manifest.environment)'"
    case .root: "the root of environment '\(manifest.environment)'"
    case .applicationSet: "the ApplicationSet of environment '\(manifest.environment)'"
    }
  }
}
