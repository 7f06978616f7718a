/// The whole pipeline from a loaded repository to the files to write:
/// Parse -> Resolve -> Template -> Transform and Patch -> Validate -> Output.
///
/// Pure: no stage here touches the disk. Environments render in parallel; each is
/// independent of the others.
public enum Compiler {
  /// - Parameter schema: the Kubernetes schemas (usually `KubernetesSchema.bundled()`);
  ///   the platform's CRDs are added to it.
  public static func compile(
    _ repository: Repository, options: BuildOptions = BuildOptions(), schema: KubernetesSchema
  ) async -> Compilation {
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    return await compile(
      platform, diagnostics: parseDiagnostics, options: options, schema: schema)
  }

  public static func compile(
    _ platform: Platform, diagnostics parseDiagnostics: [Diagnostic],
    options: BuildOptions = BuildOptions(), schema baseSchema: KubernetesSchema
  ) async -> Compilation {
    var diagnostics = parseDiagnostics
    let (schema, crdDiagnostics) = baseSchema.adding(crds: platform.customResourceDefinitions)
    diagnostics += crdDiagnostics
    let validator = Validator(
      schema: schema, uncheckedGroups: Set(platform.settings.uncheckedGroups.map(\.value)),
      strict: options.strict)
    let (environments, environmentDiagnostics) = EnvironmentResolver.resolve(platform)
    diagnostics += environmentDiagnostics

    let concrete = environments.values.filter { !($0.leaf?.isAbstract ?? true) }
      .map(\.name).sorted()
    let selected =
      options.environments.isEmpty
      ? concrete : concrete.filter { options.environments.contains($0) }

    // Resolve every service everywhere: versions.yaml covers the whole platform, and an
    // input error is an error whatever the filter.
    let resolver = ServiceResolver(platform: platform)
    var resolvedServices: [String: [String: ResolvedService]] = [:]
    // Environments where some service did not resolve: rendering them would repeat the
    // same mistakes as template and schema errors.
    var unresolved: Set<String> = []
    var versions: [String: [String: Located<String>]] = [:]
    for name in concrete {
      guard let environment = environments[name] else { continue }
      var byService: [String: ResolvedService] = [:]
      var environmentVersions: [String: Located<String>] = [:]
      for serviceName in platform.serviceNames {
        guard let service = platform.services[serviceName] else { continue }
        let (resolved, found) = resolver.resolve(service, in: environment)
        diagnostics += found
        if found.hasErrors { unresolved.insert(name) }
        byService[serviceName] = resolved
        if resolved.isEnabled, let reference = resolved.imageRef {
          environmentVersions[serviceName] = Located(
            reference, at: resolved.version?.location ?? .generated)
        }
      }
      resolvedServices[name] = byService
      versions[name] = environmentVersions
    }

    let scope = ResourceScope(customResourceDefinitions: platform.customResourceDefinitions)
    let output = platform.settings.output
    let serviceFilter = options.services
    let builds = await withTaskGroup(
      of: (String, [Resource], [Diagnostic]).self,
      returning: [(String, [Resource], [Diagnostic])].self
    ) { group in
      for name in selected where !unresolved.contains(name) {
        guard let environment = environments[name] else { continue }
        let services = platform.serviceNames.compactMap { resolvedServices[name]?[$0] }
        let builder = EnvironmentBuilder(
          platform: platform, environment: environment, services: services, scope: scope,
          strategies: schema)
        let serviceNamespaces = Dictionary(
          services.compactMap { service in service.namespace.map { (service.name, $0.value) } },
          uniquingKeysWith: { first, _ in first })
        group.addTask {
          var (resources, found) = builder.build()
          if found.hasErrors { return (name, resources, found) }
          let (policy, policyDiagnostics) = PolicySettingsParser.parse(
            chain: environment.chain, ruleIDs: RuleCatalog.configurableIDs)
          found += policyDiagnostics
          let rendered = resources.map {
            RenderedResource(resource: $0, path: output + "/" + ResourcePath.path(for: $0))
          }
          let subjects = rendered.indices.filter { index in
            serviceFilter.isEmpty || rendered[index].service.map(serviceFilter.contains) == true
          }
          let context = ValidationContext(
            environment: name, namespace: environment.namespace?.value, resources: rendered,
            subjects: subjects, external: environment.external, policy: policy, scope: scope,
            serviceNamespaces: serviceNamespaces)
          found += validator.validate(context)
          resources = rendered.map(\.resource)
          return (name, resources, found)
        }
      }
      var results: [(String, [Resource], [Diagnostic])] = []
      for await result in group { results.append(result) }
      return results
    }
    var resources: [String: [Resource]] = [:]
    // Merge in a fixed order: tasks finish in any order, output must not depend on it.
    for (name, built, found) in builds.sorted(by: { $0.0 < $1.0 }) {
      resources[name] = built
      diagnostics += found
    }

    // Argo CD and Flux objects for the rendered environments, schema-checked like every
    // rendered resource (their CRDs come from crds/).
    let reconcilers = ReconcilerPlanner.plan(
      platform.settings,
      environments: selected.compactMap { name in
        environments[name].map {
          ReconcilerEnvironment(
            $0, services: resolvedServices[name] ?? [:], resources: resources[name] ?? [])
        }
      },
      services: options.services)
    diagnostics += reconcilers.diagnostics
    diagnostics += Validator(schema: schema, rules: [], uncheckedGroups: validator.uncheckedGroups)
      .validate(
        ValidationContext(
          environment: "", namespace: nil,
          resources: reconcilers.manifests.map {
            RenderedResource(resource: $0.resource, path: output + "/" + $0.path)
          }))

    let ownedPrefixes: [String]
    switch (options.environments.isEmpty, options.services.isEmpty) {
    case (true, true):
      ownedPrefixes = [""]
    case (_, true):
      ownedPrefixes = selected.map { "\($0)/" } + [VersionsFile.path]
    default:
      ownedPrefixes =
        selected.flatMap { environment in options.services.map { "\(environment)/\($0)/" } }
        + [VersionsFile.path]
    }
    let services = options.services
    var recordedVersions = versions
    if !options.environments.isEmpty || !options.services.isEmpty {
      recordedVersions = VersionsFile.merging(versions, into: options.previousVersions) {
        environment, service in
        selected.contains(environment) && (services.isEmpty || services.contains(service))
      }
    }
    let (tree, outputDiagnostics) = OutputPlanner.plan(
      folder: platform.settings.output, resources: resources,
      versions: VersionsFile.make(recordedVersions),
      ownedPrefixes: ownedPrefixes == [""]
        ? ownedPrefixes
        : ownedPrefixes
          + ReconcilerPlanner.ownedPrefixes(environments: selected, services: options.services),
      include: { resource in
        services.isEmpty || resource.service.map(services.contains) == true
      }, reconcilers: reconcilers.manifests)
    diagnostics += outputDiagnostics

    return Compilation(
      platform: platform, environments: environments,
      services: resolvedServices.filter { selected.contains($0.key) }, resources: resources,
      tree: tree, diagnostics: deduplicated(diagnostics))
  }

  /// Drops repeats of one finding (an error in service.yaml is found once per
  /// environment) and sorts the rest.
  static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    struct Key: Hashable {
      var severity: Diagnostic.Severity
      var rule: String
      var message: String
      var location: SourceLocation
    }
    var seen: Set<Key> = []
    var result: [Diagnostic] = []
    for diagnostic in diagnostics {
      let key = Key(
        severity: diagnostic.severity, rule: diagnostic.rule, message: diagnostic.message,
        location: diagnostic.location)
      if seen.insert(key).inserted { result.append(diagnostic) }
    }
    return result.sortedForOutput()
  }
}
