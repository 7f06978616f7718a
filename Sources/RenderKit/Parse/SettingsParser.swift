/// Reads `render.yaml`.
enum SettingsParser {
  static let file = "render.yaml"

  static func parse(_ repository: Repository) -> (ProjectSettings, [Diagnostic]) {
    var settings = ProjectSettings()
    guard let source = repository.files[file] else { return (settings, []) }
    let (document, parseErrors) = DocumentReader.single(of: source)
    guard let document else { return (settings, parseErrors) }
    var reader = FieldReader(document, subject: "render.yaml")

    if let output = reader.string("output") {
      let path = output.value.hasSuffix("/") ? String(output.value.dropLast()) : output.value
      let first = path.split(separator: "/").first.map(String.init) ?? ""
      if !NameRules.isSafeRelativePath(path) || path == "." {
        reader.report(
          .input("'output' must be a folder inside the repository, not '\(output.value)'", at: output.location))
      } else if RepositoryLoader.inputFolders.contains(first) || first.hasPrefix(".") {
        reader.report(
          .input("'output' cannot be '\(output.value)': render would write over its own inputs", at: output.location))
      } else {
        settings.output = path
      }
    }
    if let version = reader.string("kubernetesVersion") {
      settings.kubernetesVersion = version.value
    }
    settings.schemas = reader.stringList("schemas") ?? []
    for folder in settings.schemas where !NameRules.isSafeRelativePath(folder.value) {
      reader.report(.input("schema folder '\(folder.value)' must be inside the repository", at: folder.location))
    }
    settings.uncheckedGroups = reader.stringList("uncheckedGroups") ?? []
    if let argo = reader.mapping("argocd") {
      var fields = FieldReader(argo, subject: "'argocd' in render.yaml")
      fields.require("repoURL")
      let repoURL = fields.string("repoURL")?.value ?? ""
      let revision = fields.string("targetRevision")?.value ?? "HEAD"
      let project = fields.string("project")?.value ?? "default"
      let namespace = fields.string("namespace")?.value ?? "argocd"
      var servers: [String: String] = [:]
      if let clusters = fields.stringMapping("clusters") {
        for entry in clusters.mapping ?? [] { servers[entry.key] = entry.value.string }
      }
      reader.report(fields.finish())
      settings.argoCD = ArgoCDSettings(
        repoURL: repoURL, targetRevision: revision, project: project, namespace: namespace,
        clusterServers: servers)
    }
    if let flux = reader.mapping("flux") {
      var fields = FieldReader(flux, subject: "'flux' in render.yaml")
      fields.require("sourceRef")
      var kind = "GitRepository"
      var name = ""
      var sourceNamespace: String?
      if let sourceRef = fields.mapping("sourceRef") {
        var ref = FieldReader(sourceRef, subject: "'flux.sourceRef' in render.yaml")
        ref.require("name")
        kind = ref.string("kind")?.value ?? kind
        name = ref.string("name")?.value ?? ""
        sourceNamespace = ref.string("namespace")?.value
        fields.report(ref.finish())
      }
      let namespace = fields.string("namespace")?.value ?? "flux-system"
      let interval = fields.string("interval")?.value ?? "5m"
      reader.report(fields.finish())
      settings.flux = FluxSettings(
        sourceKind: kind, sourceName: name, sourceNamespace: sourceNamespace, namespace: namespace,
        interval: interval)
    }
    return (settings, parseErrors + reader.finish())
  }
}
