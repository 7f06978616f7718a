/// Renders one environment: its services' templates, its own resources, namespaces and
/// labels, then patches in the order `PatchLayer` defines (the service's, then each
/// environment of the chain from root to leaf: its patches, then its override's).
struct EnvironmentBuilder: Sendable {
  let platform: Platform
  let environment: ResolvedEnvironment
  let services: [ResolvedService]
  let scope: ResourceScope
  let strategies: any MergeStrategyProvider

  /// One service's resources: rendered, given namespace and labels, and patched by the
  /// service's own patches. Independent of every other service.
  func renderService(
    _ resolved: ResolvedService
  ) -> (resources: [Resource], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let renderer = ServiceRenderer(platform: platform)
    var (rendered, found) = renderer.render(resolved)
    diagnostics += found
    let inputs = inputFiles(for: resolved, chainFiles: environment.chain.map(\.file))
    let namespaces = NamespaceTransformer(namespace: resolved.namespace, scope: scope)
    let labels = LabelTransformer(labels: resolved.labels)
    let annotations = AnnotationTransformer(annotations: resolved.annotations)
    for index in rendered.indices {
      let sourceFile = platform.fileNames.path(of: rendered[index].source.fileID)
      // Only an override that sets nothing but the image makes the two lists differ.
      let runsImage =
        inputs.all.count == inputs.everyResource.count
        || Self.mentions(resolved.image?.value, in: rendered[index].body)
      rendered[index].inputs = (runsImage ? inputs.all : inputs.everyResource).filter {
        $0 != sourceFile
      }
      namespaces.apply(to: &rendered[index])
      labels.apply(to: &rendered[index])
      annotations.apply(to: &rendered[index])
    }
    if let layer = PatchLayer.service(resolved) {
      diagnostics += PatchApplier(strategies: strategies).apply(
        layer.patches, to: &rendered, scope: layer.scope(in: environment.name))
    }
    return (rendered, diagnostics)
  }

  /// The environment's own resources, then the patches of the chain from root to leaf
  /// (each environment's patches, then its overrides'), over the services' resources.
  /// - Parameter diagnostics: what rendering the services found.
  func finish(
    _ serviceResources: [Resource], diagnostics found: [Diagnostic]
  ) -> (resources: [Resource], diagnostics: [Diagnostic]) {
    var diagnostics = found
    var resources = serviceResources
    let applier = PatchApplier(strategies: strategies, reportsUnmatched: !platform.isPartial)
    let chainFiles = environment.chain.map(\.file)

    var own = renderEnvironmentResources(&diagnostics)
    let namespaces = NamespaceTransformer(namespace: environment.namespace, scope: scope)
    let labels = LabelTransformer(labels: environment.labels)
    let annotations = AnnotationTransformer(annotations: environment.annotations)
    for index in own.indices {
      own[index].inputs = chainFiles
      namespaces.apply(to: &own[index])
      labels.apply(to: &own[index])
      annotations.apply(to: &own[index])
    }
    resources += own
    // Patches on an incompletely rendered environment would report targets that are
    // missing only because of the errors already found.
    if diagnostics.hasErrors { return (resources, diagnostics) }

    // Resources stay grouped by service (each service's are contiguous): environment
    // patches see them all, an override's patches only its service's group.
    var groups = Self.grouped(resources)
    let enabled = services.filter(\.isEnabled).map(\.name)
    for layer in PatchLayer.chain(of: environment, services: enabled) {
      let scope = layer.scope(in: environment.name)
      switch layer.owner {
      case .service:
        continue
      case .environment:
        var all = groups.flatMap(\.resources)
        diagnostics += applier.apply(layer.patches, to: &all, scope: scope)
        groups = Self.grouped(all)
      case .override(_, let service):
        if let index = groups.firstIndex(where: { $0.service == service }) {
          diagnostics += applier.apply(layer.patches, to: &groups[index].resources, scope: scope)
        } else {
          // Nothing left to patch: the applier says so, naming the patch.
          var none: [Resource] = []
          diagnostics += applier.apply(layer.patches, to: &none, scope: scope)
        }
      }
    }
    resources = groups.flatMap(\.resources)
    // Names carry a hash of the content every patch left, as in kustomize.
    NameHashTransformer().apply(to: &resources)
    ChecksumAnnotationTransformer(
      services: Set(services.filter { $0.service.checksumAnnotation?.value ?? false }.map(\.name))
    ).apply(to: &resources)
    return (resources, diagnostics)
  }

  /// Consecutive resources of one service (or of the environment) as one group.
  static func grouped(_ resources: [Resource]) -> [(service: String?, resources: [Resource])] {
    var groups: [(service: String?, resources: [Resource])] = []
    for resource in resources {
      if let last = groups.indices.last, groups[last].service == resource.service {
        groups[last].resources.append(resource)
      } else {
        groups.append((resource.service, [resource]))
      }
    }
    return groups
  }

  /// The environment's `resources/` files, with only `env` in scope.
  private func renderEnvironmentResources(_ diagnostics: inout [Diagnostic]) -> [Resource] {
    let renderer = TemplateRenderer(
      scope: TemplateScope(["env": environment.scopeNode], fileNames: platform.fileNames))
    var resources: [Resource] = []
    for file in environment.resources {
      for document in file.documents {
        let (rendered, found) = renderer.render(document)
        diagnostics += found
        guard let rendered, !found.hasErrors else { continue }
        resources += ServiceRenderer.resources(
          rendered, service: nil, environment: environment.name, source: document.location,
          diagnostics: &diagnostics)
      }
    }
    return resources
  }

  /// The input files a service's resources depend on, for the generated header: `all`
  /// for the resources that run the service's image, `everyResource` for the others. An
  /// override that sets only `version` or `image` changes only what runs the image, so
  /// only those files name it: a pin that creates such a file leaves the bytes of the
  /// service's other files as they were.
  private func inputFiles(
    for resolved: ResolvedService, chainFiles: [String]
  ) -> (all: [String], everyResource: [String]) {
    var files: [String] = []
    if case .template(let name) = resolved.service.source,
      let template = platform.templates[name.value]
    {
      files.append(template.definitionFile)
    }
    files.append(resolved.service.file)
    files += chainFiles
    var all = files
    for override in resolved.overrides where !all.contains(override.file) {
      all.append(override.file)
      if !override.setsOnlyTheImage { files.append(override.file) }
    }
    return (all, files)
  }

  /// Whether a string of `node` names `image` (as `image`, `image:tag` or `image@…`).
  static func mentions(_ image: String?, in node: Node) -> Bool {
    guard let image else { return false }
    switch node.content {
    case .scalar(.string(let text), _): return text.contains(image)
    case .scalar: return false
    case .sequence(let items): return items.contains { mentions(image, in: $0) }
    case .mapping(let entries): return entries.contains { mentions(image, in: $0.value) }
    }
  }
}
