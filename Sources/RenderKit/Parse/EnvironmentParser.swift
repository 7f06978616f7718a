/// Reads `environments/<name>/`: environment.yaml, per-service override files and
/// `resources/`.
enum EnvironmentParser {
  static func parse(
    name: String, repository: Repository, serviceNames: Set<String>,
    vendoredServices: Set<String> = []
  ) -> (Environment?, [Diagnostic]) {
    let folder = "environments/\(name)"
    let path = "\(folder)/environment.yaml"
    let (document, parseErrors) = DocumentReader.definition(
      "environment.yaml", of: "environment", folder: folder, in: repository)
    guard let document else { return (nil, parseErrors) }
    var reader = FieldReader(document, subject: path)
    var environment = Environment(name: name, file: path)

    environment.inherits = reader.string("inherits")
    environment.isAbstract = reader.bool("abstract")?.value ?? false
    environment.namespace = reader.string("namespace")
    if let namespace = environment.namespace, !NameRules.isDNSLabel(namespace.value) {
      reader.report(
        .input("namespace '\(namespace.value)' is not a DNS-1123 label", at: namespace.location))
    }
    environment.cluster = reader.string("cluster")
    environment.vars = reader.mapping("vars")
    environment.labels = reader.stringMapping("labels")
    environment.annotations = reader.stringMapping("annotations")
    if let defaults = reader.mapping("defaults") {
      var fields = FieldReader(defaults, subject: "'defaults' in \(path)")
      environment.defaultValues = fields.mapping("values")
      environment.defaultLabels = fields.stringMapping("labels")
      environment.defaultAnnotations = fields.stringMapping("annotations")
      environment.defaultRegistry = fields.string("registry")
      if let registry = environment.defaultRegistry {
        let text = registry.value
        if text.isEmpty || text.contains(" ") || text.hasSuffix("/") || text.contains("@") {
          fields.report(
            .input(
              "registry '\(text)' in \(path) is not an image registry (write it like ghcr.io/acme)",
              at: registry.location))
        }
      }
      environment.defaultVersion = fields.string("version")
      if let version = environment.defaultVersion, !ImageReference.isValidVersion(version.value) {
        fields.report(
          .input(
            "version '\(version.value)' is neither an image tag nor a sha256 digest",
            at: version.location, help: ImageReference.versionHelp))
      }
      reader.report(fields.finish())
    }
    if let patches = reader.value("patches"), !patches.isNull {
      let (parsed, found) = PatchParser.parse(patches, subject: path)
      environment.patches = parsed
      reader.report(found)
    }
    for item in reader.sequence("external") ?? [] {
      var fields = FieldReader(item, subject: "an 'external' entry in \(path)")
      fields.require("kind")
      fields.require("name")
      if let kind = fields.string("kind"), let objectName = fields.string("name") {
        environment.external.append(
          ExternalObject(kind: kind.value, name: objectName.value, location: item.location))
      }
      reader.report(fields.finish())
    }
    if let policy = reader.mapping("policy") {
      let (layer, found) = PolicyParser.parse(policy, file: path)
      environment.policy = layer
      reader.report(found)
    }

    var overrides: [String: ServiceOverride] = [:]
    if let services = reader.mapping("services") {
      for entry in services.mapping ?? [] {
        guard serviceNames.contains(entry.key) else {
          reader.report(
            .input(
              "'services' names '\(entry.key)', which is not a service"
                + Suggestion.didYouMean(entry.key, in: serviceNames),
              at: entry.keyLocation))
          continue
        }
        let (override, found) = OverrideParser.parse(
          entry.value, service: entry.key, file: path, location: entry.keyLocation,
          subject: "'services.\(entry.key)' in \(path)", repository: repository,
          vendored: vendoredServices.contains(entry.key))
        overrides[entry.key] = override
        reader.report(found)
      }
    }
    var diagnostics = parseErrors + reader.finish()

    for override in repository.files(in: folder) where override.path != path {
      let fileName = String(override.path.dropFirst(folder.count + 1))
      // `.yml` reads like `.yaml`, and JSON is YAML too.
      guard let dot = fileName.lastIndex(of: "."), RepositoryLoader.isManifestFile(fileName)
      else { continue }
      let service = String(fileName[..<dot])
      guard serviceNames.contains(service) else {
        diagnostics.append(
          .input(
            "'\(override.path)' overrides '\(service)', which is not a service"
              + Suggestion.didYouMean(service, in: serviceNames),
            at: repository.fileNames.start(of: override.path)))
        continue
      }
      if let existing = overrides[service] {
        // `checkout.yaml` and `checkout.yml` side by side, or a file and an entry of
        // `services` in environment.yaml.
        let existingFile = repository.fileNames.path(of: existing.location.fileID)
        let places =
          existingFile != path
          ? "in \(existingFile) and in \(override.path)"
          : "in \(override.path) and under 'services' in \(path)"
        diagnostics.append(
          .input(
            "'\(service)' is overridden both \(places); keep one",
            at: repository.fileNames.start(of: override.path),
            related: [.init("the other override", at: existing.location)]))
        continue
      }
      let (document, found) = DocumentReader.single(of: override, in: repository.fileNames)
      diagnostics += found
      guard let document else { continue }
      let (parsed, overrideErrors) = OverrideParser.parse(
        document, service: service, file: override.path,
        location: repository.fileNames.start(of: override.path),
        subject: override.path, repository: repository,
        vendored: vendoredServices.contains(service))
      overrides[service] = parsed
      diagnostics += overrideErrors
    }
    environment.overrides = overrides

    for resource in repository.files(under: "\(folder)/resources")
    where RepositoryLoader.isManifestFile(resource.path) {
      let (documents, found) = DocumentReader.documents(of: resource, in: repository.fileNames)
      diagnostics += found
      environment.resources.append(ManifestFile(path: resource.path, documents: documents))
    }
    return (environment, diagnostics)
  }
}
