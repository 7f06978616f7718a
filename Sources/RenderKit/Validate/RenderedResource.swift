/// A resource with the path of the file it is written to, as validation reports it.
///
/// Its kind, name, group and namespace are read from the tree once, when it is made:
/// every rule asks for them, for every resource, and each lookup walks mappings (slowly
/// in debug builds, where nothing is inlined).
public struct RenderedResource: Sendable {
  public var resource: Resource {
    didSet { (kind, name, group, namespace) = Self.identity(of: resource) }
  }
  /// The path from the repository root: `rendered/prod/checkout/deployment-checkout.yaml`.
  public var path: String
  public private(set) var kind: String
  public private(set) var name: String
  /// The API group: "" for the core group.
  public private(set) var group: String
  public private(set) var namespace: String?
  /// `group/Kind` (`/Service` for the core group), as scopes and checks name kinds.
  public var groupKind: String { "\(group)/\(kind)" }

  public init(resource: Resource, path: String) {
    self.resource = resource
    self.path = path
    (kind, name, group, namespace) = Self.identity(of: resource)
  }

  public var body: Node { resource.body }
  public var service: String? { resource.service }

  private static func identity(
    of resource: Resource
  ) -> (kind: String, name: String, group: String, namespace: String?) {
    let metadata = resource.body["metadata"]
    return (
      resource.kind, metadata?["name"]?.string ?? "", resource.group,
      metadata?["namespace"]?.string
    )
  }
}
