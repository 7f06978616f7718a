/// Gives generated ConfigMaps and Secrets their content-hashed names once every patch
/// has run, and carries the new names to every reference in the environment (same
/// kind, same namespace), as kustomize's generators do.
///
/// The hash is kustomize's, so a port from kustomize keeps its names: the SHA-256 of the
/// object's `data` (and `binaryData`; a Secret's `type` and `stringData` too) with its
/// kind, as Go's `json.Marshal` writes them, the first ten hex digits with `0 1 3 a e`
/// spelled `g h k m t` (no bad words, no all-digit suffix). As in kustomize 5, the name
/// does not enter the hash: kustomize looks it up as one key `metadata/name` and finds
/// nothing, so two generators with the same data get the same suffix.
struct NameHashTransformer {
  func apply(to resources: inout [Resource]) {
    var renamed: [String: String] = [:]
    for index in resources.indices where resources[index].hashesName {
      let old = resources[index].name
      let new = "\(old)-\(Self.hash(of: resources[index].body))"
      resources[index].body.update("metadata", default: .mapping([])) { metadata in
        let location = metadata["name"]?.location ?? .generated
        metadata.set("name", to: .string(new, at: location))
      }
      renamed[ConfigReferences.key(resources[index].kind, resources[index].namespace, old)] = new
    }
    guard !renamed.isEmpty else { return }
    for index in resources.indices {
      let namespace = resources[index].namespace
      ConfigReferences.visit(&resources[index]) { kind, name in
        if let new = renamed[ConfigReferences.key(kind.rawValue, namespace, name)] { name = new }
      }
    }
  }

  /// kustomize's name suffix for a ConfigMap or Secret.
  static func hash(of body: Node) -> String {
    let hex = SHA256.hexDigest(of: hashInput(of: body))
    return String(
      hex.prefix(10).map { character -> Character in
        switch character {
        case "0": "g"
        case "1": "h"
        case "3": "k"
        case "a": "m"
        case "e": "t"
        default: character
        }
      })
  }

  /// The text kustomize hashes: the content of a ConfigMap or Secret, without its name.
  static func hashInput(of body: Node) -> String {
    let kind = body["kind"]?.string ?? ""
    var fields: [(String, Node)] = [
      ("data", body["data"] ?? .string("")), ("kind", .string(kind)), ("name", .string("")),
    ]
    if kind == "Secret" {
      fields.append(("type", body["type"] ?? .string("")))
      if let stringData = body["stringData"], stringData.isMapping {
        fields.append(("stringData", stringData))
      }
    } else if let binaryData = body["binaryData"], binaryData.isMapping {
      fields.append(("binaryData", binaryData))
    }
    return CompactJSON.goText(of: .mapping(fields.map { Node.Entry($0.0, $0.1) }))
  }
}
