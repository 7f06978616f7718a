/// Reads `services/<name>/service.yaml` and, for `manifests:` services, their manifest
/// folder.
enum ServiceParser {
  static func parse(name: String, repository: Repository) -> (Service?, [Diagnostic]) {
    let folder = "services/\(name)"
    let path = "\(folder)/service.yaml"
    let (document, parseErrors) = DocumentReader.definition(
      "service.yaml", of: "service", folder: folder, in: repository,
      hint: repository.files["\(folder)/service.yml"] != nil
        ? " (found service.yml; rename it)" : "")
    guard let document else { return (nil, parseErrors) }
    var reader = FieldReader(document, subject: path)

    let template = reader.string("template")
    let manifests = reader.string("manifests")
    var source: Service.Source?
    var extraManifests: (folder: Located<String>, files: [ManifestFile])?
    switch (template, manifests) {
    case (let template?, nil):
      source = .template(template)
    case (nil, let folderName?):
      if let folder = readManifestFolder(folderName, of: folder, repository, &reader) {
        source = .manifests(folder: folder.folder, files: folder.files)
      }
    case (let template?, let folderName?):
      // A templated workload with plain manifests beside it (a NetworkPolicy, a
      // VirtualService): both render, the manifests as they are.
      source = .template(template)
      extraManifests = readManifestFolder(folderName, of: folder, repository, &reader)
    case (nil, nil):
      reader.report(
        .input(
          "\(path) must set 'template' (a folder in templates/) or 'manifests' (a folder of plain YAML)",
          at: document.location))
    }

    let image = reader.string("image")
    let version = reader.string("version")
    let labels = reader.stringMapping("labels")
    let annotations = reader.stringMapping("annotations")
    let values = reader.mapping("values")
    let enabled = reader.bool("enabled")
    let generators = GeneratorParser.parse(
      &reader, folder: folder, repository: repository, isOverride: false)
    let checksumAnnotation = reader.bool("checksumAnnotation")
    var patches: [Patch] = []
    if let node = reader.value("patches"), !node.isNull {
      let (parsed, found) = PatchParser.parse(node, subject: path)
      patches = parsed
      reader.report(found)
    }
    if case .manifests = source, let values {
      reader.report(
        .input(
          "'values' needs a template: a 'manifests' service renders its files as they are",
          at: values.location))
    }
    let diagnostics = parseErrors + reader.finish()
    guard let source else { return (nil, diagnostics) }
    var service = Service(
      name: name, file: path, source: source, image: image, version: version, labels: labels,
      values: values, patches: patches, enabled: enabled)
    service.extraManifests = extraManifests
    service.annotations = annotations
    service.generators = generators
    service.checksumAnnotation = checksumAnnotation
    return (service, diagnostics)
  }

  /// The `*.yaml` files of `manifests: <dir>`, a folder inside the service's folder.
  private static func readManifestFolder(
    _ folderName: Located<String>, of folder: String, _ repository: Repository,
    _ reader: inout FieldReader
  ) -> (folder: Located<String>, files: [ManifestFile])? {
    let relative =
      folderName.value.hasSuffix("/") ? String(folderName.value.dropLast()) : folderName.value
    guard NameRules.isSafeRelativePath(relative), relative != "." else {
      reader.report(
        .input(
          "'manifests' must be a folder inside \(folder)/, not '\(folderName.value)'",
          at: folderName.location))
      return nil
    }
    let manifestFolder = "\(folder)/\(relative)"
    var files: [ManifestFile] = []
    for manifest in repository.files(under: manifestFolder)
    where RepositoryLoader.isManifestFile(manifest.path) {
      let (documents, found) = DocumentReader.documents(of: manifest, in: repository.fileNames)
      reader.report(found)
      files.append(ManifestFile(path: manifest.path, documents: documents))
    }
    if !repository.directories.contains(manifestFolder) {
      reader.report(
        .input("manifest folder '\(manifestFolder)' does not exist", at: folderName.location))
    } else if files.isEmpty {
      reader.report(
        .input("manifest folder '\(manifestFolder)' has no *.yaml files", at: folderName.location))
    }
    return (Located(manifestFolder, at: folderName.location), files)
  }
}
