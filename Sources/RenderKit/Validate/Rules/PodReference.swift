/// A reference from a pod spec to an object the pods need to start: a ConfigMap or
/// Secret they read or mount, a Secret they pull images with, their ServiceAccount.
///
/// References marked `optional: true` are not collected: the pods start without them.
struct PodReference: Sendable {
  /// A key of the object's data the pods read, with the node that names it.
  struct Key: Sendable {
    var name: String
    var path: [PathComponent]
  }

  /// `ConfigMap`, `Secret` or `ServiceAccount` (all in the core API group).
  var kind: String
  var name: String
  /// The node holding the name, in the resource.
  var path: [PathComponent]
  /// How the pods use the object, for messages: `reads`, `mounts`, `pulls images with`,
  /// `runs as`.
  var use: String
  var keys: [Key] = []

  /// Every required reference of `pod`, in the order the manifest has them.
  static func all(in pod: PodTemplate) -> [PodReference] {
    var references: [PodReference] = []

    /// The reference `node` makes at `path`, naming the object in its `nameKey` field and
    /// the keys in `items[].key`, when it has a name and is not optional.
    func add(
      _ kind: String, _ node: Node?, at path: [PathComponent], nameKey: String = "name",
      use: String, keys: [Key] = []
    ) {
      guard let node, node["optional"]?.bool != true,
        let name = node[nameKey]?.string, !name.isEmpty
      else { return }
      var keys = keys
      for (index, item) in (node["items"]?.sequence ?? []).enumerated() {
        guard let key = item["key"]?.string else { continue }
        keys.append(Key(name: key, path: path + [.key("items"), .index(index), .key("key")]))
      }
      references.append(
        PodReference(kind: kind, name: name, path: path + [.key(nameKey)], use: use, keys: keys))
    }

    let spec = pod.spec
    if let account = spec["serviceAccountName"]?.string, !account.isEmpty, account != "default" {
      references.append(
        PodReference(
          kind: "ServiceAccount", name: account, path: pod.path + [.key("serviceAccountName")],
          use: "runs as"))
    }
    for (index, secret) in (spec["imagePullSecrets"]?.sequence ?? []).enumerated() {
      add(
        "Secret", secret, at: pod.path + [.key("imagePullSecrets"), .index(index)],
        use: "pulls images with")
    }
    for container in pod.containers {
      for (index, variable) in (container.node["env"]?.sequence ?? []).enumerated() {
        let path = container.path + [.key("env"), .index(index), .key("valueFrom")]
        for (field, kind) in [("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret")] {
          guard let selector = variable["valueFrom"]?[field] else { continue }
          let key = selector["key"]?.string.map {
            [Key(name: $0, path: path + [.key(field), .key("key")])]
          }
          add(kind, selector, at: path + [.key(field)], use: "reads", keys: key ?? [])
        }
      }
      for (index, source) in (container.node["envFrom"]?.sequence ?? []).enumerated() {
        let path = container.path + [.key("envFrom"), .index(index)]
        add("ConfigMap", source["configMapRef"], at: path + [.key("configMapRef")], use: "reads")
        add("Secret", source["secretRef"], at: path + [.key("secretRef")], use: "reads")
      }
    }
    for (index, volume) in (spec["volumes"]?.sequence ?? []).enumerated() {
      let path = pod.path + [.key("volumes"), .index(index)]
      add("ConfigMap", volume["configMap"], at: path + [.key("configMap")], use: "mounts")
      add(
        "Secret", volume["secret"], at: path + [.key("secret")], nameKey: "secretName",
        use: "mounts")
      for (position, source) in (volume["projected"]?["sources"]?.sequence ?? []).enumerated() {
        let sourcePath = path + [.key("projected"), .key("sources"), .index(position)]
        add("ConfigMap", source["configMap"], at: sourcePath + [.key("configMap")], use: "mounts")
        add("Secret", source["secret"], at: sourcePath + [.key("secret")], use: "mounts")
      }
    }
    return references
  }
}
