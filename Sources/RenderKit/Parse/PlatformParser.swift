/// The Parse stage: turns a loaded `Repository` into a located `Platform`, checking
/// every input file's shape and every reference between them.
public enum PlatformParser {
  /// - Parameter only: parse only these services' folders (every service's name is still
  ///   known, so references to the others are not errors); `nil` parses all.
  public static func parse(
    _ repository: Repository, services only: Set<String>? = nil
  ) -> (platform: Platform, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let (settings, settingsErrors) = SettingsParser.parse(repository)
    diagnostics += settingsErrors

    var templates: [String: Template] = [:]
    var brokenTemplates: Set<String> = []
    var brokenServices: Set<String> = []
    var brokenEnvironments: Set<String> = []
    for name in namedFolders(of: "templates", kind: "template", in: repository, &diagnostics) {
      let (template, found) = TemplateParser.parse(name: name, repository: repository)
      diagnostics += found
      templates[name] = template
      if template == nil || found.hasErrors { brokenTemplates.insert(name) }
    }

    var services: [String: Service] = [:]
    let serviceNames = Set(
      namedFolders(of: "services", kind: "service", in: repository, &diagnostics))
    // Services are independent of each other: a thousand of them parse on every core.
    let orderedServices = serviceNames.filter { only?.contains($0) ?? true }.sorted()
    let parsedServices = orderedServices.parallelMap {
      ServiceParser.parse(name: $0, repository: repository)
    }
    for (name, (service, found)) in zip(orderedServices, parsedServices) {
      diagnostics += found
      services[name] = service
      if service == nil || found.hasErrors { brokenServices.insert(name) }
    }

    // Services rendered from plain manifests only: their overrides may set `replicas`.
    let vendoredServices = Set(
      services.values.compactMap { service -> String? in
        if case .manifests = service.source { return service.name }
        return nil
      })
    var environments: [String: Environment] = [:]
    for name in namedFolders(of: "environments", kind: "environment", in: repository, &diagnostics)
    {
      let (environment, found) = EnvironmentParser.parse(
        name: name, repository: repository, serviceNames: serviceNames,
        vendoredServices: vendoredServices)
      diagnostics += found
      // An environment whose environment.yaml does not parse still exists: `--env` and
      // children name it, and only its own error is reported.
      environments[name] =
        environment ?? Environment(name: name, file: "environments/\(name)/environment.yaml")
      if environment == nil || found.hasErrors { brokenEnvironments.insert(name) }
    }

    var definitions: [Node] = []
    var kubernetesDefinitions: SourceFile?
    var crdFiles = repository.files(under: "crds")
    for folder in settings.schemas.map(\.value) {
      let prefix = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
      guard repository.directories.contains(prefix) else {
        if let entry = settings.schemas.first(where: { $0.value == folder }) {
          diagnostics.append(
            .input("schema folder '\(folder)' does not exist", at: entry.location))
        }
        continue
      }
      for file in repository.files(under: prefix) {
        if file.path.hasSuffix(".json") {
          if let first = kubernetesDefinitions {
            diagnostics.append(
              .input(
                "two Kubernetes schema files: \(first.path) and \(file.path); keep one",
                at: repository.fileNames.start(of: file.path)))
          } else {
            kubernetesDefinitions = file
          }
        } else {
          crdFiles.append(file)
        }
      }
    }
    for file in crdFiles where RepositoryLoader.isManifestFile(file.path) {
      let (documents, found) = DocumentReader.documents(of: file, in: repository.fileNames)
      diagnostics += found
      for document in documents {
        if document["kind"]?.string == "CustomResourceDefinition" {
          definitions.append(document)
        } else {
          diagnostics.append(
            .input(
              "files in crds/ and schema folders hold CustomResourceDefinitions, not \(document["kind"]?.string ?? "documents without a kind")",
              at: document.location))
        }
      }
    }

    var platform = Platform(
      settings: settings, templates: templates, services: services, environments: environments,
      customResourceDefinitions: definitions, fileNames: repository.fileNames)
    platform.kubernetesDefinitions = kubernetesDefinitions
    diagnostics += checkReferences(
      platform, templateFolders: Set(repository.subdirectories(of: "templates")))
    for service in platform.services.values {
      if case .template(let name) = service.source,
        platform.templates[name.value] == nil || brokenTemplates.contains(name.value)
      {
        brokenServices.insert(service.name)
      }
    }
    platform.brokenTemplates = brokenTemplates
    platform.brokenServices = brokenServices
    platform.brokenEnvironments = brokenEnvironments
    platform.isPartial = orderedServices.count < serviceNames.count
    return (platform, diagnostics)
  }

  /// The folders below `parent` whose names are DNS labels; every other name is reported
  /// as an invalid `kind` name at its folder.
  static func namedFolders(
    of parent: String, kind: String, in repository: Repository,
    _ diagnostics: inout [Diagnostic]
  ) -> [String] {
    repository.subdirectories(of: parent).filter { name in
      guard NameRules.isDNSLabel(name) else {
        diagnostics.append(
          NameRules.invalidName(
            name, kind: kind, at: repository.fileNames.start(of: "\(parent)/\(name)")))
        return false
      }
      return true
    }
  }

  /// Names that must exist: templates of services, parents of environments.
  static func checkReferences(_ platform: Platform, templateFolders: Set<String>) -> [Diagnostic] {
    var diagnostics = SettingsParser.checkPromotion(
      platform.settings, environments: platform.environments)
    for service in platform.services.values {
      if case .template(let name) = service.source, platform.templates[name.value] == nil,
        !templateFolders.contains(name.value)
      {
        diagnostics.append(
          .input(
            "service '\(service.name)' uses template '\(name.value)', which does not exist"
              + Suggestion.didYouMean(name.value, in: platform.templates.keys),
            at: name.location))
      }
    }
    let parameterNames = Set(
      platform.templates.values.flatMap { $0.parameters.properties.map(\.name) })
    for environment in platform.environments.values {
      for entry in environment.defaultValues?.mapping ?? []
      where !parameterNames.contains(entry.key) && !platform.templates.isEmpty {
        diagnostics.append(
          .input(
            "'defaults.values.\(entry.key)' in \(environment.file) is not a parameter of any template"
              + Suggestion.didYouMean(entry.key, in: parameterNames),
            at: entry.keyLocation))
      }
      if let parent = environment.inherits, platform.environments[parent.value] == nil {
        diagnostics.append(
          .input(
            "environment '\(environment.name)' inherits '\(parent.value)', which does not exist"
              + Suggestion.didYouMean(parent.value, in: platform.environments.keys),
            at: parent.location))
      }
    }
    return diagnostics
  }
}
