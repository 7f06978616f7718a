/// One group of patches and what it applies to, and the order the groups apply in
/// (SPEC.md): the service's own patches, then, for each environment of the chain from
/// root to leaf, that environment's patches (to all of its resources) and then its
/// override's patches for each service (to that service's resources).
///
/// This is the only definition of the order: the build applies patches in it
/// (`EnvironmentBuilder`) and `render explain` searches it for the patch behind a value.
public struct PatchLayer: Sendable {
  public enum Owner: Sendable, Equatable {
    /// `patches:` of the service's service.yaml.
    case service(String)
    /// `patches:` of an environment.yaml of the chain, applied to every resource.
    case environment(String)
    /// `patches:` of an environment's override of one service.
    case override(environment: String, service: String)
  }

  public let owner: Owner
  public let patches: [Patch]

  /// The service's own patches, when it has any.
  public static func service(_ resolved: ResolvedService) -> PatchLayer? {
    resolved.service.patches.isEmpty
      ? nil : PatchLayer(owner: .service(resolved.name), patches: resolved.service.patches)
  }

  /// The layers of `environment`'s chain over the resources of `services`, in order;
  /// layers without patches are left out.
  public static func chain(
    of environment: ResolvedEnvironment, services: [String]
  ) -> [PatchLayer] {
    var layers: [PatchLayer] = []
    for layer in environment.chain {
      if !layer.patches.isEmpty {
        layers.append(PatchLayer(owner: .environment(layer.name), patches: layer.patches))
      }
      for service in services {
        guard let override = layer.overrides[service], !override.patches.isEmpty else {
          continue
        }
        layers.append(
          PatchLayer(
            owner: .override(environment: layer.name, service: service),
            patches: override.patches))
      }
    }
    return layers
  }

  /// Every layer that patches `resolved`'s resources, in the order they apply.
  public static func all(for resolved: ResolvedService) -> [PatchLayer] {
    (service(resolved).map { [$0] } ?? [])
      + chain(of: resolved.environment, services: [resolved.name])
  }

  /// What the layer searched, for messages: "service 'checkout' in environment 'prod'",
  /// "environment 'prod' (patches from 'base')".
  public func scope(in environment: String) -> String {
    switch owner {
    case .service(let service), .override(_, let service):
      "service '\(service)' in environment '\(environment)'"
    case .environment(let name):
      "environment '\(environment)'" + (name == environment ? "" : " (patches from '\(name)')")
    }
  }
}
