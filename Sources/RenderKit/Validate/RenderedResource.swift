/// A resource with the path of the file it is written to, as validation reports it.
public struct RenderedResource: Sendable {
  public var resource: Resource
  /// The path from the repository root: `rendered/prod/checkout/deployment-checkout.yaml`.
  public var path: String

  public init(resource: Resource, path: String) {
    self.resource = resource
    self.path = path
  }

  public var body: Node { resource.body }
  public var kind: String { resource.kind }
  public var name: String { resource.name }
  public var service: String? { resource.service }
}
