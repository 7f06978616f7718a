/// Reads one `templates/<name>/` folder: template.yaml and its manifest templates.
enum TemplateParser {
  static func parse(name: String, repository: Repository) -> (Template?, [Diagnostic]) {
    let folder = "templates/\(name)"
    let definitionPath = "\(folder)/template.yaml"
    var diagnostics: [Diagnostic] = []
    let (document, parseErrors) = DocumentReader.definition(
      "template.yaml", of: "template", folder: folder, in: repository,
      help: "add templates/\(name)/template.yaml with the template's parameters")
    guard let document else { return (nil, parseErrors) }
    var reader = FieldReader(document, subject: definitionPath)
    let description = reader.string("description")?.value
    let (parameters, parameterErrors) = ParameterSchemaParser.parseParameters(
      reader.value("parameters"), fileStart: repository.fileNames.start(of: definitionPath))
    diagnostics += parameterErrors

    // `.yml` reads like `.yaml`; JSON cannot hold `${ }` templates as YAML can.
    let manifestFiles = repository.files(in: folder).filter {
      $0.path != definitionPath && ($0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml"))
    }
    for refused in repository.files(in: folder) where refused.path.hasSuffix(".json") {
      diagnostics.append(
        .input(
          "'\(refused.path)' is JSON; template files are YAML (.yaml or .yml)",
          at: repository.fileNames.start(of: refused.path),
          help: "rename it to .yaml (JSON is valid YAML) or move it out of \(folder)/"))
    }
    let fileNames = manifestFiles.map { String($0.path.dropFirst(folder.count + 1)) }

    var conditions: [String: TemplateCondition] = [:]
    if let files = reader.mapping("files") {
      for entry in files.mapping ?? [] {
        guard fileNames.contains(entry.key) else {
          diagnostics.append(
            .input(
              "'files' names '\(entry.key)', which is not a template file in \(folder)"
                + Suggestion.didYouMean(entry.key, in: fileNames),
              at: entry.keyLocation))
          continue
        }
        var fileReader = FieldReader(
          entry.value, subject: "'files.\(entry.key)' in \(definitionPath)")
        if let when = fileReader.string("when") {
          switch TemplateCondition.parse(when.value, at: when.location) {
          case .success(let condition): conditions[entry.key] = condition
          case .failure(let diagnostic): diagnostics.append(diagnostic)
          }
        }
        diagnostics += fileReader.finish()
      }
    }
    diagnostics += reader.finish()

    var templateFiles: [TemplateFile] = []
    for (file, fileName) in zip(manifestFiles, fileNames) {
      let (documents, found) = DocumentReader.documents(of: file, in: repository.fileNames)
      diagnostics += found
      templateFiles.append(
        TemplateFile(
          path: file.path, documents: documents, condition: conditions[fileName],
          source: file.text))
    }
    if manifestFiles.isEmpty {
      diagnostics.append(
        .input(
          "template '\(name)' has no manifest templates (*.yaml beside template.yaml)",
          at: repository.fileNames.start(of: definitionPath)))
    }
    let template = Template(
      name: name, definitionFile: definitionPath, description: description,
      parameters: parameters, files: templateFiles)
    return (template, parseErrors + diagnostics)
  }
}
