/// Layers one service's settings for one environment (SPEC.md section 3): template
/// defaults, service.yaml, each environment's `defaults` from root to leaf, then each
/// environment's override for the service from root to leaf.
public struct ServiceResolver: Sendable {
  public let platform: Platform

  public init(platform: Platform) {
    self.platform = platform
  }

  public func resolve(
    _ service: Service, in environment: ResolvedEnvironment
  ) -> (service: ResolvedService, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let overrides = environment.chain.compactMap { $0.overrides[service.name] }

    var image = service.image
    var version = service.version
    // The release-wide version (`defaults.version`) sits between service.yaml and the
    // overrides, like `defaults.values`. Vendored `manifests:` services keep theirs.
    if case .template = service.source, image != nil,
      let release = environment.chain.compactMap(\.defaultVersion).last
    {
      version = release
    }
    var namespace: Located<String>?
    var enabled = service.enabled
    var labels = MergePatch.apply(service.labels ?? .mapping([]), to: environment.labels)
    for defaults in environment.chain.compactMap(\.defaultLabels) {
      labels = MergePatch.apply(defaults, to: labels)
    }
    // Annotations layer exactly like labels.
    var annotations = MergePatch.apply(
      service.annotations ?? .mapping([]), to: environment.annotations)
    for defaults in environment.chain.compactMap(\.defaultAnnotations) {
      annotations = MergePatch.apply(defaults, to: annotations)
    }
    for override in overrides {
      image = override.image ?? image
      version = override.version ?? version
      namespace = override.namespace ?? namespace
      enabled = override.enabled ?? enabled
      if let patch = override.labels { labels = MergePatch.apply(patch, to: labels) }
      if let patch = override.annotations {
        annotations = MergePatch.apply(patch, to: annotations)
      }
    }

    // `defaults.registry` completes images that name no registry; an image that names
    // one is a per-service choice and wins. Vendored manifests name their own images.
    if case .template = service.source, let written = image,
      !ImageReference.hasRegistry(written.value),
      let registry = environment.chain.compactMap(\.defaultRegistry).last
    {
      image = Located("\(registry.value)/\(written.value)", at: written.location)
    }

    var layers: [ValueLayer] = []
    var template: Template?
    if case .template(let name) = service.source {
      template = platform.templates[name.value]
      if let template {
        layers.append(
          ValueLayer(
            kind: .templateDefaults, file: template.definitionFile, environment: nil,
            values: defaults(of: template.parameters)))
      }
    }
    if let values = service.values {
      layers.append(
        ValueLayer(kind: .service, file: service.file, environment: nil, values: values))
    }
    for layerEnvironment in environment.chain {
      // Environment defaults reach every service, but each template takes only the
      // parameters it declares: `replicas` means nothing to a CronJob template.
      if let values = layerEnvironment.defaultValues, let template,
        let entries = values.mapping?.filter({ template.parameters.property($0.key) != nil }),
        !entries.isEmpty
      {
        layers.append(
          ValueLayer(
            kind: .environmentDefaults, file: layerEnvironment.file,
            environment: layerEnvironment.name, values: Node(.mapping(entries), at: values.location)
          ))
      }
    }
    for override in overrides {
      if let values = override.values {
        layers.append(
          ValueLayer(
            kind: .environmentOverride, file: override.file, environment: override.environment,
            values: values))
      }
    }

    var values = Node(.mapping([]), at: platform.fileNames.start(of: service.file))
    for layer in layers {
      values = MergePatch.apply(layer.values, to: values, schema: template?.parameters)
    }
    if let template {
      let templateName = template.name
      let checker = ParameterChecker(
        missingParameterMessage: {
          "template '\(templateName)' requires the parameter '\($0)', which no layer sets"
        },
        missingParameterLocation: templateLocation(service))
      values = checker.fillingDefaults(values, schema: template.parameters)
      let found = checker.check(values, against: template.parameters, path: "values")
      diagnostics += found
    } else if let layer = layers.first(where: { $0.kind == .environmentOverride }) {
      diagnostics.append(
        .input(
          "service '\(service.name)' renders plain manifests and takes no values",
          at: layer.values.location,
          help:
            "per environment, an override of such a service sets 'replicas', 'namespace', 'image' and 'version', or patches"
        ))
    }

    diagnostics += checkImage(
      image: image, version: version, service: service, environment: environment,
      enabled: enabled?.value ?? true)

    var resolved = ResolvedService(
      service: service, environment: environment, enabled: enabled, image: image,
      version: version, namespace: namespace ?? environment.namespace, labels: labels,
      values: values, layers: layers, overrides: overrides)
    resolved.annotations = annotations
    let (generators, generatorErrors) = GeneratorMerger.merge(
      service.generators, overrides: overrides)
    resolved.generators = generators
    resolved.replicas = overrides.compactMap(\.replicas).last
    diagnostics += generatorErrors
    return (resolved, diagnostics)
  }

  private func templateLocation(_ service: Service) -> SourceLocation? {
    if case .template(let name) = service.source { return name.location }
    return nil
  }

  /// The template's parameter defaults as a layer (null defaults are added later, when
  /// defaults fill in keys no layer set).
  func defaults(of parameters: ParameterSchema) -> Node {
    var entries: [Node.Entry] = []
    for property in parameters.properties {
      if let value = property.schema.defaultValue, !value.isNull {
        entries.append(Node.Entry(key: property.name, keyLocation: value.location, value: value))
      }
    }
    return Node(.mapping(entries), at: parameters.location)
  }

  private func checkImage(
    image: Located<String>?, version: Located<String>?, service: Service,
    environment: ResolvedEnvironment, enabled: Bool
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let image {
      if ImageReference(image.value).version != nil {
        diagnostics.append(
          .input(
            "image '\(image.value)' includes a tag or digest; write the repository only and set 'version'",
            at: image.location))
      }
      if image.value.isEmpty || image.value.contains(" ") {
        diagnostics.append(
          .input("image '\(image.value)' is not an image repository", at: image.location))
      }
    }
    if let version {
      if !ImageReference.isValidVersion(version.value) {
        diagnostics.append(
          .input(
            "version '\(version.value)' is neither an image tag nor a sha256 digest",
            at: version.location, help: ImageReference.versionHelp))
      }
      if image == nil {
        diagnostics.append(
          .input("service '\(service.name)' sets a version but no image", at: version.location))
      }
    } else if let image, case .template = service.source, enabled {
      // A disabled service renders nothing here, so it needs no version here either.
      diagnostics.append(
        .input(
          "service '\(service.name)' has no version in environment '\(environment.name)'",
          at: image.location,
          help:
            "set 'version' in \(service.file) or in environments/\(environment.name)/\(service.name).yaml"
        ))
    }
    return diagnostics
  }

}
