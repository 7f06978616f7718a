/// What reconciler output needs to know about one rendered environment: where it is
/// deployed and which folders of `rendered/<env>/` exist.
public struct ReconcilerEnvironment: Sendable {
  /// A service folder of the environment.
  public struct Service: Sendable {
    public var name: String
    /// The namespace its resources get (the override's, else the environment's).
    public var namespace: Located<String>?

    public init(name: String, namespace: Located<String>?) {
      self.name = name
      self.namespace = namespace
    }
  }

  public var name: String
  public var namespace: Located<String>?
  public var cluster: Located<String>?
  /// Services with at least one rendered resource, sorted by name. Disabled services
  /// render nothing and so have no folder to point at.
  public var services: [Service]
  /// Whether `rendered/<env>/_environment/` has files.
  public var hasOwnResources: Bool
  /// The environment files of the `inherits` chain, root first: where the cluster and
  /// namespace were set, named in the generated files' headers.
  public var files: [String]
  /// The names of the `Namespace` objects the environment renders.
  public var createdNamespaces: Set<String>

  public init(
    name: String, namespace: Located<String>?, cluster: Located<String>?, services: [Service],
    hasOwnResources: Bool, files: [String], createdNamespaces: Set<String> = []
  ) {
    self.name = name
    self.namespace = namespace
    self.cluster = cluster
    self.services = services.sorted { $0.name < $1.name }
    self.hasOwnResources = hasOwnResources
    self.files = files
    self.createdNamespaces = createdNamespaces
  }

  /// The environment as the pipeline rendered it: the services come from the rendered
  /// resources (their `outline`), so the reconciler output matches the folders render
  /// writes.
  public init(_ environment: ResolvedEnvironment, outline: ResourceOutline) {
    self.init(
      name: environment.name, namespace: environment.namespace, cluster: environment.cluster,
      services: outline.services,
      hasOwnResources: outline.hasOwnResources,
      files: environment.chain.map(\.file),
      createdNamespaces: Set(outline.createdNamespaces))
  }
}
