/// The Output stage's result: the whole tree to write (the environments' files, the Argo
/// CD and Flux objects, versions.yaml) and which paths of the output folder this run owns.
public struct OutputPlan: Sendable {
  public var tree: OutputTree
  /// What planning the reconciler objects and checking them against the schemas found.
  public var diagnostics: [Diagnostic]

  /// - Parameter environments: the rendered environments' files and outlines, compiled
  ///   now or reused from `.render-cache/`, in the order of `resolved.rendered`.
  public static func make(
    environments: [CompiledEnvironment], resolved: ResolvedPlatform, schema: PlatformSchema,
    options: BuildOptions
  ) -> OutputPlan {
    let settings = resolved.platform.settings
    let selected = resolved.selected
    let outlines = Dictionary(
      environments.map { ($0.name, $0.outline) }, uniquingKeysWith: { first, _ in first })
    // Argo CD and Flux objects for the rendered environments, schema-checked like every
    // rendered resource (their CRDs come from crds/).
    let reconcilers = ReconcilerPlanner.plan(
      settings,
      environments: selected.compactMap { name in
        resolved.environments[name].map {
          ReconcilerEnvironment($0, outline: outlines[name] ?? .empty)
        }
      },
      services: options.services, fileNames: resolved.platform.fileNames)
    var diagnostics = reconcilers.diagnostics
    diagnostics += schema.schemaOnly.validate(
      ValidationContext(
        environment: "", namespace: nil,
        resources: reconcilers.manifests.map {
          RenderedResource(resource: $0.resource, path: settings.output + "/" + $0.path)
        }))
    let tree = OutputPlanner.plan(
      folder: settings.output, environmentFiles: environments.flatMap(\.files),
      versions: VersionsFile.make(recordedVersions(resolved, options: options)),
      ownedPrefixes: ownedPrefixes(selected: selected, options: options),
      reconcilers: reconcilers.manifests,
      foreignPrefixes: settings.flux.map {
        FluxKustomizations.bootstrapFolders(
          $0,
          environments: resolved.platform.environments.values.filter { !$0.isAbstract }.map(\.name))
      } ?? [])
    return OutputPlan(tree: tree, diagnostics: diagnostics)
  }

  /// The paths of the output folder the run writes: all of it, or a filtered build's
  /// environments (or services in them), versions.yaml and their reconciler objects.
  static func ownedPrefixes(selected: [String], options: BuildOptions) -> [String] {
    switch (options.environments.isEmpty, options.services.isEmpty) {
    case (true, true):
      return [""]
    case (_, true):
      return selected.map { "\($0)/" } + [VersionsFile.path]
        + ReconcilerPlanner.ownedPrefixes(environments: selected, services: options.services)
    default:
      return selected.flatMap { environment in options.services.map { "\(environment)/\($0)/" } }
        + [VersionsFile.path]
        + ReconcilerPlanner.ownedPrefixes(environments: selected, services: options.services)
    }
  }

  /// What versions.yaml records: the fresh versions, or for a filtered build those it
  /// renders over what the previous build recorded for the rest.
  static func recordedVersions(
    _ resolved: ResolvedPlatform, options: BuildOptions
  ) -> [String: [String: Located<String>]] {
    if options.environments.isEmpty && options.services.isEmpty { return resolved.versions }
    let selected = resolved.selected
    let services = options.services
    return VersionsFile.merging(resolved.versions, into: options.previousVersions) {
      environment, service in
      selected.contains(environment) && (services.isEmpty || services.contains(service))
    }
  }
}
