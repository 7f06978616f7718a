/// Where Kubernetes objects name a ConfigMap or a Secret: what a generated name's hash
/// must be carried to, and what a checksum annotation covers.
enum ConfigReferences {
  typealias Reference = (kind: ConfigGenerator.Kind, path: [String])

  /// One ConfigMap or Secret of an environment: references resolve within one kind and
  /// one namespace.
  static func key(_ kind: String, _ namespace: String?, _ name: String) -> String {
    "\(kind)/\(namespace ?? "")/\(name)"
  }

  /// References inside a pod spec (`[]`: every item of a list).
  static let podSpec: [Reference] = {
    var references: [Reference] = [
      (.configMap, ["volumes", "[]", "configMap", "name"]),
      (.configMap, ["volumes", "[]", "projected", "sources", "[]", "configMap", "name"]),
      (.secret, ["volumes", "[]", "secret", "secretName"]),
      (.secret, ["volumes", "[]", "projected", "sources", "[]", "secret", "name"]),
      (.secret, ["imagePullSecrets", "[]", "name"]),
    ]
    for list in WorkloadKind.containerLists {
      references += [
        (.configMap, [list, "[]", "envFrom", "[]", "configMapRef", "name"]),
        (.configMap, [list, "[]", "env", "[]", "valueFrom", "configMapKeyRef", "name"]),
        (.secret, [list, "[]", "envFrom", "[]", "secretRef", "name"]),
        (.secret, [list, "[]", "env", "[]", "valueFrom", "secretKeyRef", "name"]),
      ]
    }
    return references
  }()

  /// References of kinds that run no pods, by `group/kind`.
  static let others: [String: [Reference]] = [
    "/ServiceAccount": [
      (.secret, ["imagePullSecrets", "[]", "name"]), (.secret, ["secrets", "[]", "name"]),
    ],
    "networking.k8s.io/Ingress": [(.secret, ["spec", "tls", "[]", "secretName"])],
  ]

  /// The references of `resource`, with their paths from its root.
  static func references(of resource: Resource) -> [Reference] {
    if let spec = WorkloadKind.podSpecPath(of: resource) {
      return podSpec.map { ($0.kind, spec + $0.path) }
    }
    return others["\(resource.group)/\(resource.kind)"] ?? []
  }

  /// Calls `body` with the kind and name of each reference in `resource`; the name it
  /// leaves is written back.
  static func visit(
    _ resource: inout Resource, _ body: (ConfigGenerator.Kind, inout String) -> Void
  ) {
    for reference in references(of: resource) {
      visit(&resource.body, path: reference.path[...]) { node in
        guard var name = node.string else { return }
        body(reference.kind, &name)
        if name != node.string { node = .string(name, at: node.location) }
      }
    }
  }

  /// The names `resource` refers to, by kind.
  static func names(in resource: Resource) -> [(kind: ConfigGenerator.Kind, name: String)] {
    var copy = resource
    var names: [(kind: ConfigGenerator.Kind, name: String)] = []
    visit(&copy) { kind, name in names.append((kind, name)) }
    return names
  }

  private static func visit(
    _ node: inout Node, path: ArraySlice<String>, _ body: (inout Node) -> Void
  ) {
    guard let step = path.first else {
      body(&node)
      return
    }
    let rest = path.dropFirst()
    if step == "[]" {
      guard case .sequence(var items) = node.content else { return }
      node.content = .scalar(.null, .plain)  // release the array so the edit is in place
      for index in items.indices { visit(&items[index], path: rest, body) }
      node.content = .sequence(items)
    } else if node[step] != nil {
      node.update(step, default: .null()) { visit(&$0, path: rest, body) }
    }
  }
}
