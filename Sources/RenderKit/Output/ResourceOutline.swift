/// What reconciler output needs to know about one environment's rendered resources,
/// without the resources: which service folders (and their namespaces) and
/// `_environment/` it fills, and the namespaces it creates. Kept with an environment's
/// `.render-cache/` entry.
public struct ResourceOutline: Sendable {
  /// Services with at least one rendered resource, sorted by name.
  public var services: [ReconcilerEnvironment.Service]
  /// Whether the environment renders resources of its own (`_environment/`).
  public var hasOwnResources: Bool
  /// The names of the `v1` `Namespace` objects rendered, sorted.
  public var createdNamespaces: [String]

  public init(
    services: [ReconcilerEnvironment.Service], hasOwnResources: Bool, createdNamespaces: [String]
  ) {
    self.services = services
    self.hasOwnResources = hasOwnResources
    self.createdNamespaces = createdNamespaces
  }

  /// - Parameter services: the environment's resolved services, for their namespaces.
  public init(_ resources: [Resource], services: [String: ResolvedService]) {
    self.init(
      services: Set(resources.compactMap(\.service)).sorted().map {
        ReconcilerEnvironment.Service(name: $0, namespace: services[$0]?.namespace)
      },
      hasOwnResources: resources.contains { $0.service == nil },
      createdNamespaces: Set(
        resources.filter { $0.kind == "Namespace" && $0.apiVersion == "v1" }.map(\.name)
      ).sorted())
  }

  /// An environment that rendered nothing.
  public static let empty = ResourceOutline(
    services: [], hasOwnResources: false, createdNamespaces: [])
}
