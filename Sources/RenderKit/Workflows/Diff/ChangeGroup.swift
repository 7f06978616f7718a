/// The environment and service a file of the output folder belongs to: the rows of the
/// `render diff` summary.
///
/// `<env>/<service>/…` belongs to that environment and service (`_environment` for the
/// environment's own resources); reconciler output `_argocd/<env>/…` and `_flux/<env>/…`
/// belongs to the environment under the service `_argocd` or `_flux`; anything else
/// (`versions.yaml`) belongs to no environment.
public struct ChangeGroup: Sendable, Hashable, Comparable {
  /// `nil` for files about the whole platform.
  public var environment: String?
  public var service: String

  public init(environment: String?, service: String) {
    self.environment = environment
    self.service = service
  }

  public init(path: String) {
    let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if components.count >= 3, components[0].hasPrefix("_") {
      self.init(environment: components[1], service: components[0])
    } else if components.count >= 3 {
      self.init(environment: components[0], service: components[1])
    } else {
      self.init(environment: nil, service: path)
    }
  }

  /// How the environment column shows a platform-wide file.
  public static let platformLabel = "(all)"

  public var environmentLabel: String { environment ?? Self.platformLabel }

  /// `prod/checkout`, or `versions.yaml`.
  public var label: String { environment.map { "\($0)/\(service)" } ?? service }

  /// Environments by name, platform-wide files last; services by name within.
  public static func < (lhs: ChangeGroup, rhs: ChangeGroup) -> Bool {
    switch (lhs.environment, rhs.environment) {
    case (nil, nil): return lhs.service < rhs.service
    case (nil, _): return false
    case (_, nil): return true
    case (let left?, let right?):
      return left != right ? left < right : lhs.service < rhs.service
    }
  }
}
