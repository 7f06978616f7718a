/// `ValidateConfigMap` and `ValidateSecret`: data keys, keys in both maps, the 1 MiB
/// size limit, and the keys a typed Secret must carry.
struct ConfigDataCheck: APIServerCheck {
  let kinds: Set<String> = ["/ConfigMap", "/Secret"]
  static let maxSize = 1024 * 1024

  func check(_ object: inout APIServerObject) {
    let secret = object.kind == "Secret"
    let maps = secret ? ["data", "stringData"] : ["data", "binaryData"]
    var seen: [String: String] = [:]
    var size = 0
    for map in maps {
      for entry in object.value(at: [.key(map)])?.mapping ?? [] {
        let path: [PathComponent] = [.key(map), .key(entry.key)]
        for reason in KubernetesSyntax.configMapKey(entry.key) {
          object.report(
            path, "Invalid value: \"\(entry.key)\": \(reason)",
            help: "keys become file names: use letters, digits, '-', '_' and '.'")
        }
        size += entry.value.string?.utf8.count ?? 0
        if !secret, let other = seen[entry.key] {
          object.invalid(
            path, .string(entry.key), "duplicate of key present in \(other)",
            help: "a key is in data or in binaryData, not both")
        }
        seen[entry.key] = map
      }
    }
    if size > Self.maxSize {
      object.report(
        [.key(maps[0])], "Too long: must have at most \(Self.maxSize) bytes",
        help: "a \(object.kind) holds at most 1 MiB; mount large files from a volume instead")
    }
    guard secret, let type = object.value(at: [.key("type")])?.string,
      let keys = KubernetesEnums.secretRequiredKeys[type]
    else { return }
    for key in keys where seen[key] == nil {
      object.required(
        [.key("data"), .key(key)], help: "a Secret of type \(type) carries the key '\(key)'")
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "config data: a ConfigMap key with a slash, and a key in both data and binaryData",
        triggers: true,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: web}
          data:
            config/app.yaml: "port: 8080"
            logo: ""
          binaryData:
            logo: iVBORw0KGgo=
          """),
      RuleExample(
        "config data: a TLS Secret without `tls.key`", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Secret
          metadata: {name: web-tls}
          type: kubernetes.io/tls
          data:
            tls.crt: LS0tLS1CRUdJTi0tLS0t
          """),
      RuleExample(
        "config data: file-name keys, a TLS Secret with both keys", triggers: false,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: web}
          data:
            app.yaml: "port: 8080"
            LOG_LEVEL: info
          ---
          apiVersion: v1
          kind: Secret
          metadata: {name: web-tls}
          type: kubernetes.io/tls
          data: {tls.crt: LS0tLS1CRUdJTi0tLS0t, tls.key: LS0tLS1CRUdJTi0tLS0t}
          """),
    ]
  }
}
