/// An environment with its `inherits` chain folded in.
public struct ResolvedEnvironment: Sendable {
  public var name: String
  /// The chain from the root ancestor to this environment.
  public var chain: [Environment]
  /// The namespace set closest to this environment in the chain.
  public var namespace: Located<String>?
  public var cluster: Located<String>?
  /// `vars` of the chain merged root to leaf (a mapping).
  public var vars: Node
  /// `labels` of the chain merged root to leaf (a mapping of strings).
  public var labels: Node
  /// `annotations` of the chain merged root to leaf (a mapping of strings).
  public var annotations: Node = .mapping([])
  /// `external` objects of the whole chain.
  public var external: [ExternalObject]
  /// `resources/` files of the chain; a file replaces an ancestor's file of the same name.
  public var resources: [ManifestFile]

  public var leaf: Environment? { chain.last }

  /// The template scope's `env`: name, namespace, cluster, vars, labels.
  public var scopeNode: Node {
    .mapping([
      .init("name", .string(name)),
      .init("namespace", namespace.map { .string($0.value, at: $0.location) } ?? .null()),
      .init("cluster", cluster.map { .string($0.value, at: $0.location) } ?? .null()),
      .init("vars", vars),
      .init("labels", labels),
    ])
  }
}
