/// Reads a per-service override: `services.<name>` in environment.yaml, or the whole of
/// `environments/<env>/<name>.yaml`.
enum OverrideParser {
  static func parse(
    _ node: Node, service: String, file: String, location: SourceLocation, subject: String,
    repository: Repository? = nil, vendored: Bool = false
  ) -> (ServiceOverride, [Diagnostic]) {
    var reader = FieldReader(node, subject: subject)
    var override = ServiceOverride(service: service, file: file, location: location)
    override.version = reader.string("version")
    override.image = reader.string("image")
    override.namespace = reader.string("namespace")
    override.labels = reader.stringMapping("labels")
    override.annotations = reader.stringMapping("annotations")
    override.values = reader.mapping("values")
    override.enabled = reader.bool("enabled")
    // Vendored manifests have no values: their replica count is a key of its own. A
    // templated service's replicas is a value of its template, so here it stays unknown.
    if let entry = reader.entry("replicas") {
      if !vendored {
        reader.report(
          .input(
            "unknown key 'replicas' in \(subject)", at: entry.keyLocation,
            help: "a templated service sets it as a value of its template: values: {replicas: N}"
          ))
      } else if let count = entry.value.int, count >= 0 {
        override.replicas = Located(count, at: entry.value.location)
      } else if !entry.value.isNull {
        reader.report(
          .input(
            "'replicas' in \(subject) must be a whole number of at least 0, not \(entry.value.valueDescription)",
            at: entry.value.location))
      }
    }
    // Generator files sit beside the file that declares them, as in a kustomize overlay.
    let folder = file.split(separator: "/").dropLast().joined(separator: "/")
    override.generators = GeneratorParser.parse(
      &reader, folder: folder, repository: repository, isOverride: true)
    if let patches = reader.value("patches"), !patches.isNull {
      let (parsed, found) = PatchParser.parse(patches, subject: subject)
      override.patches = parsed
      reader.report(found)
    }
    if let namespace = override.namespace, !NameRules.isDNSLabel(namespace.value) {
      reader.report(
        .input("namespace '\(namespace.value)' is not a DNS-1123 label", at: namespace.location))
    }
    return (override, reader.finish())
  }
}
