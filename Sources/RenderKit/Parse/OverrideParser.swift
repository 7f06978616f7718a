/// Reads a per-service override: `services.<name>` in environment.yaml, or the whole of
/// `environments/<env>/<name>.yaml`.
enum OverrideParser {
  static func parse(
    _ node: Node, service: String, file: String, location: SourceLocation, subject: String,
    repository: Repository? = nil
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
