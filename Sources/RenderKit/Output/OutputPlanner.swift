/// Lays rendered resources out as files: the Output stage.
///
/// Emitting YAML and checksumming it is most of a build's work, so it happens per
/// environment (`files(for:...)`, run in the environment's parallel task) and `plan`
/// only gathers the results.
public enum OutputPlanner {
  /// The files of one environment's resources (those `include` selects), each with its
  /// generated header. Two resources that would share a file are an error.
  /// - Parameter fileNames: the table the resources' source paths are numbered in.
  public static func files(
    for resources: [Resource], environment: String, folder: String,
    fileNames: SourceFileNames, include: (Resource) -> Bool
  ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
    let (placed, diagnostics) = placements(
      for: resources, environment: environment, folder: folder, include: include)
    return (
      placed.map {
        file(at: $0.path, for: $0.resource, source: fileNames.path(of: $0.resource.source.fileID))
      }, diagnostics
    )
  }

  /// Where each resource goes, without the (expensive) emitting: cheap enough to run
  /// first over a whole environment, so the emitting can be spread over every core.
  public static func placements(
    for resources: [Resource], environment: String, folder: String,
    include: (Resource) -> Bool
  ) -> (placements: [(path: String, resource: Resource)], diagnostics: [Diagnostic]) {
    placements(
      for: resources, paths: resources.map(ResourcePath.path(for:)), environment: environment,
      folder: folder, include: include)
  }

  /// - Parameter paths: each resource's `ResourcePath`, computed already.
  public static func placements(
    for resources: [Resource], paths: [String], environment: String, folder: String,
    include: (Resource) -> Bool
  ) -> (placements: [(path: String, resource: Resource)], diagnostics: [Diagnostic]) {
    var placements: [(path: String, resource: Resource)] = []
    var diagnostics: [Diagnostic] = []
    var owners: [String: Resource] = [:]
    for (resource, path) in zip(resources, paths) where include(resource) {
      if let first = owners[path] {
        diagnostics.append(
          Diagnostic(
            .error, rule: .unique,
            "\(resource.displayName) is rendered twice for \(first.service.map { "service '\($0)'" } ?? "the environment") in environment '\(environment)' (both would be written to \(folder)/\(path))",
            at: resource.source,
            related: [.init("the first one", at: first.source)]))
        continue
      }
      owners[path] = resource
      placements.append((path, resource))
    }
    return (placements, diagnostics)
  }

  /// One resource's file: the generated header and the canonical YAML.
  /// - Parameter source: the file the header names as the source (usually the one the
  ///   resource came from).
  public static func file(
    at path: String, for resource: Resource, source: String
  ) -> OutputFile {
    OutputFile(
      path: path,
      contents: GeneratedHeader.file(
        source: source, inputs: resource.inputs,
        body: YAMLEmitter.emitUTF8(resource.body)))
  }

  /// The whole tree: versions.yaml, the environments' files and the reconciler objects.
  /// - Parameter reconcilers: Argo CD and Flux objects (already filtered), written with
  ///   render.yaml as their source.
  public static func plan(
    folder: String, environmentFiles: [OutputFile], versions: OutputFile,
    ownedPrefixes: [String], reconcilers: [ReconcilerManifest] = [],
    foreignPrefixes: [String] = []
  ) -> OutputTree {
    var files: [OutputFile] = [versions]
    // Name clashes among them are reported by ReconcilerPlanner; a clash of paths is one.
    var reconcilerPaths: Set<String> = []
    for manifest in reconcilers where reconcilerPaths.insert(manifest.path).inserted {
      files.append(file(at: manifest.path, for: manifest.resource, source: SettingsParser.file))
    }
    files += environmentFiles
    return OutputTree(
      folder: folder, files: files, ownedPrefixes: ownedPrefixes, foreignPrefixes: foreignPrefixes)
  }
}
