/// Gives every namespaced resource without a namespace the environment's (or the
/// service override's) namespace. Resources that name a namespace keep it; the
/// `namespace` policy rule judges them.
public struct NamespaceTransformer: Sendable {
  public let namespace: Located<String>?
  public let scope: ResourceScope

  public init(namespace: Located<String>?, scope: ResourceScope) {
    self.namespace = namespace
    self.scope = scope
  }

  public func apply(to resource: inout Resource) {
    guard let namespace, scope.isNamespaced(resource), resource.namespace == nil else { return }
    let value = Node.string(namespace.value, at: namespace.location)
    resource.body.update("metadata", default: .mapping([], at: resource.source)) { metadata in
      // Right after the name, where people look for it.
      guard var entries = metadata.mapping else { return }
      let position = entries.firstIndex { $0.key == "name" }.map { $0 + 1 } ?? 0
      entries.insert(Node.Entry("namespace", value), at: position)
      metadata = Node(.mapping(entries), at: metadata.location)
    }
  }
}
