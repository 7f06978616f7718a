/// Reads `services/<name>/service.yaml` and, for `manifests:` services, their manifest
/// folder.
enum ServiceParser {
  static func parse(name: String, repository: Repository) -> (Service?, [Diagnostic]) {
    let folder = "services/\(name)"
    let path = "\(folder)/service.yaml"
    guard let file = repository.files[path] else {
      // Unreadable, and reported as such when it was read.
      if repository.unreadableFiles.contains(path) { return (nil, []) }
      let hint =
        repository.files["\(folder)/service.yml"] != nil ? " (found service.yml; rename it)" : ""
      return (
        nil,
        [.input("service folder '\(folder)' has no service.yaml\(hint)", at: .start(of: folder))]
      )
    }
    let (document, parseErrors) = DocumentReader.single(of: file)
    guard let document else { return (nil, parseErrors) }
    var reader = FieldReader(document, subject: path)

    let template = reader.string("template")
    let manifests = reader.string("manifests")
    var source: Service.Source?
    switch (template, manifests) {
    case (let template?, nil):
      source = .template(template)
    case (nil, let folderName?):
      let relative =
        folderName.value.hasSuffix("/") ? String(folderName.value.dropLast()) : folderName.value
      if !NameRules.isSafeRelativePath(relative) || relative == "." {
        reader.report(
          .input(
            "'manifests' must be a folder inside \(folder)/, not '\(folderName.value)'",
            at: folderName.location))
      } else {
        let manifestFolder = "\(folder)/\(relative)"
        var files: [ManifestFile] = []
        for manifest in repository.files(under: manifestFolder)
        where RepositoryLoader.isManifestFile(manifest.path) {
          let (documents, found) = DocumentReader.documents(of: manifest)
          reader.report(found)
          files.append(ManifestFile(path: manifest.path, documents: documents))
        }
        if !repository.directories.contains(manifestFolder) {
          reader.report(
            .input("manifest folder '\(manifestFolder)' does not exist", at: folderName.location))
        } else if files.isEmpty {
          reader.report(
            .input(
              "manifest folder '\(manifestFolder)' has no *.yaml files", at: folderName.location))
        }
        source = .manifests(folder: Located(manifestFolder, at: folderName.location), files: files)
      }
    case (_?, _?):
      reader.report(
        .input("\(path) sets both 'template' and 'manifests'; choose one", at: document.location))
    case (nil, nil):
      reader.report(
        .input(
          "\(path) must set 'template' (a folder in templates/) or 'manifests' (a folder of plain YAML)",
          at: document.location))
    }

    let image = reader.string("image")
    let version = reader.string("version")
    let labels = reader.stringMapping("labels")
    let values = reader.mapping("values")
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
    let service = Service(
      name: name, file: path, source: source, image: image, version: version, labels: labels,
      values: values, patches: patches)
    return (service, diagnostics)
  }
}
