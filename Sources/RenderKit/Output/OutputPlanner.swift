/// Lays rendered resources out as files: the Output stage.
public enum OutputPlanner {
  /// - Parameters:
  ///   - resources: every rendered resource, by environment.
  ///   - include: whether a resource's file belongs to this render (filters).
  ///   - reconcilers: Argo CD and Flux objects (already filtered), written with
  ///     render.yaml as their source.
  public static func plan(
    folder: String, resources: [String: [Resource]], versions: OutputFile,
    ownedPrefixes: [String], include: (Resource) -> Bool,
    reconcilers: [ReconcilerManifest] = []
  ) -> (tree: OutputTree, diagnostics: [Diagnostic]) {
    var files: [OutputFile] = [versions]
    var diagnostics: [Diagnostic] = []
    var owners: [String: Resource] = [:]
    // Name clashes among them are reported by ReconcilerPlanner; a clash of paths is one.
    var reconcilerPaths: Set<String> = []
    for manifest in reconcilers where reconcilerPaths.insert(manifest.path).inserted {
      files.append(
        OutputFile(
          path: manifest.path,
          contents: GeneratedHeader.file(
            source: SettingsParser.file, inputs: manifest.resource.inputs,
            body: YAMLEmitter.emit(manifest.resource.body))))
    }
    for environment in resources.keys.sorted() {
      for resource in resources[environment] ?? [] where include(resource) {
        let path = ResourcePath.path(for: resource)
        if let first = owners[path] {
          diagnostics.append(
            Diagnostic(
              .error, rule: "unique",
              "\(resource.displayName) is rendered twice for \(first.service.map { "service '\($0)'" } ?? "the environment") in environment '\(environment)' (both would be written to \(folder)/\(path))",
              at: resource.source,
              related: [.init("the first one", at: first.source)]))
          continue
        }
        owners[path] = resource
        let body = YAMLEmitter.emit(resource.body)
        files.append(
          OutputFile(
            path: path,
            contents: GeneratedHeader.file(
              source: resource.source.file, inputs: resource.inputs, body: body)))
      }
    }
    return (OutputTree(folder: folder, files: files, ownedPrefixes: ownedPrefixes), diagnostics)
  }
}
