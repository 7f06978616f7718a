/// `checksumAnnotation: true` in service.yaml: the pod templates of the service's
/// workloads get `checksum/config`, a SHA-256 over the content of every ConfigMap and
/// Secret of the environment they reference, so a change of that content rolls the pods
/// even when the object's name stays the same (`disableNameSuffixHash`, or a ConfigMap
/// a template writes), as Helm charts do by hand.
struct ChecksumAnnotationTransformer {
  static let annotation = "checksum/config"

  /// The services that asked for it.
  let services: Set<String>

  func apply(to resources: inout [Resource]) {
    guard !services.isEmpty else { return }
    var contents: [String: String] = [:]
    for resource in resources where resource.kind == "ConfigMap" || resource.kind == "Secret" {
      contents[ConfigReferences.key(resource.kind, resource.namespace, resource.name)] =
        NameHashTransformer.hashInput(of: resource.body)
    }
    for index in resources.indices {
      guard let service = resources[index].service, services.contains(service),
        let metadataPath = WorkloadKind.templateMetadataPaths(of: resources[index]).last
      else { continue }
      let namespace = resources[index].namespace
      var keys: [String] = []
      for reference in ConfigReferences.names(in: resources[index]) {
        let key = ConfigReferences.key(reference.kind.rawValue, namespace, reference.name)
        if contents[key] != nil, !keys.contains(key) { keys.append(key) }
      }
      guard !keys.isEmpty else { continue }
      let text = keys.sorted().map { "\($0)\n\(contents[$0] ?? "")" }.joined(separator: "\n")
      let checksum = SHA256.hexDigest(of: text)
      Self.setAnnotation(checksum, in: &resources[index].body, at: metadataPath[...])
    }
  }

  private static func setAnnotation(
    _ value: String, in node: inout Node, at path: ArraySlice<String>
  ) {
    guard let step = path.first else {
      node.update("annotations", default: .mapping([])) { annotations in
        annotations.set(annotation, to: .string(value))
      }
      return
    }
    node.update(step, default: .mapping([])) { setAnnotation(value, in: &$0, at: path.dropFirst()) }
  }
}
