/// One reconciler object render writes beside the rendered environments: an Argo CD
/// `Application` or a Flux `Kustomization` that points a reconciler at one folder of the
/// output.
public struct ReconcilerManifest: Sendable {
  /// What the manifest points at, which decides which filtered renders own it.
  public enum Target: Sendable, Hashable {
    /// `rendered/<env>/<service>`.
    case service(String)
    /// `rendered/<env>/_environment`, the environment's own resources.
    case environmentResources
    /// `rendered/<env>/*`: an ApplicationSet making the services' Applications.
    case applicationSet
    /// The environment's app-of-apps root: the folder of its other Applications.
    case root
  }

  /// The path inside the output folder: `_argocd/prod/application-prod-checkout.yaml`.
  public var path: String
  /// The object, with `source` at the reconciler's settings in render.yaml and `inputs`
  /// naming the environment files its destination came from.
  public var resource: Resource
  public var target: Target

  public init(path: String, resource: Resource, target: Target) {
    self.path = path
    self.resource = resource
    self.target = target
  }

  public var environment: String { resource.environment }
}
