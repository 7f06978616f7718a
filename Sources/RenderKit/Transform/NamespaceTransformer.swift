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
    guard let namespace, scope.isNamespaced(resource) else { return }
    // A namespace that is written is kept, whatever it is; `namespace: ~` means none.
    if let written = resource.body["metadata"]?["namespace"], !written.isNull { return }
    let value = Node.string(namespace.value, at: namespace.location)
    resource.body.update("metadata", default: .mapping([], at: resource.source)) { metadata in
      guard var entries = metadata.mapping else { return }
      if let index = entries.firstIndex(where: { $0.key == "namespace" }) {
        // Replace the null in place: inserting a second `namespace` key would make the
        // output a mapping with a duplicate key.
        entries[index].value = value
      } else {
        // Right after the name, where people look for it.
        let position = entries.firstIndex { $0.key == "name" }.map { $0 + 1 } ?? 0
        entries.insert(Node.Entry("namespace", value), at: position)
      }
      metadata = Node(.mapping(entries), at: metadata.location)
    }
  }
}
