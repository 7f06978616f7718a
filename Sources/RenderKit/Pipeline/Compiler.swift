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
    let (kubernetes, versionDiagnostics) = kubernetesSchema(for: platform, bundled: baseSchema)
    diagnostics += versionDiagnostics
    let (schema, crdDiagnostics) = kubernetes.adding(crds: platform.customResourceDefinitions)
    diagnostics += crdDiagnostics
    let validator = Validator(
      schema: schema, uncheckedGroups: Set(platform.settings.uncheckedGroups.map(\.value)),
      strict: options.strict)
    let (environments, environmentDiagnostics) = EnvironmentResolver.resolve(platform)
    diagnostics += environmentDiagnostics

    var stopwatch = Stopwatch()
    let concrete = environments.values.filter { !($0.leaf?.isAbstract ?? true) }
      .map(\.name).sorted()
    let selected =
      options.environments.isEmpty
      ? concrete : concrete.filter { options.environments.contains($0) }

    // Resolve every service everywhere: versions.yaml covers the whole platform, and an
    // input error is an error whatever the filter.
    let resolver = ServiceResolver(platform: platform)
    options.progress?(
      "resolving \(platform.services.count) services in \(concrete.count) environments")
    let resolutions = await concrete.concurrentMap(chunks: concrete.count) {
      name -> (services: [String: ResolvedService], diagnostics: [Diagnostic]) in
      guard let environment = environments[name] else { return ([:], []) }
      var byService: [String: ResolvedService] = [:]
      var found: [Diagnostic] = []
      for serviceName in platform.serviceNames
      where !platform.brokenServices.contains(serviceName) {
        guard let service = platform.services[serviceName] else { continue }
        let (resolved, problems) = resolver.resolve(service, in: environment)
        found += problems
        byService[serviceName] = resolved
      }
      return (byService, found)
    }
    var resolvedServices: [String: [String: ResolvedService]] = [:]
    // Environments where some service did not resolve: rendering them would repeat the
    // same mistakes as template and schema errors.
    // A broken service is missing from every environment: patches and rules would report
    // what follows from its absence, so nothing renders until it is fixed.
    var unresolved: Set<String> = platform.brokenServices.isEmpty ? [] : Set(concrete)
    var versions: [String: [String: Located<String>]] = [:]
    for (name, resolution) in zip(concrete, resolutions) {
      diagnostics += resolution.diagnostics
      if resolution.diagnostics.hasErrors { unresolved.insert(name) }
      resolvedServices[name] = resolution.services
      var environmentVersions: [String: Located<String>] = [:]
      for (serviceName, resolved) in resolution.services where resolved.isEnabled {
        if let reference = resolved.imageRef {
          environmentVersions[serviceName] = Located(
            reference, at: resolved.version?.location ?? .generated)
        }
      }
      versions[name] = environmentVersions
    }

    let scope = ResourceScope(customResourceDefinitions: platform.customResourceDefinitions)
    let output = platform.settings.output
    let serviceFilter = options.services
    // Rendering, validating and emitting run on every core, in three phases: services
    // (independent of each other), then environments (patches and rules see a whole
    // environment), then files.
    stopwatch.lap("resolve")
    let builders = Dictionary(
      uniqueKeysWithValues: selected.filter { !unresolved.contains($0) }.compactMap {
        name -> (String, EnvironmentBuilder)? in
        guard let environment = environments[name] else { return nil }
        let services = platform.serviceNames.compactMap { resolvedServices[name]?[$0] }
        return (
          name,
          EnvironmentBuilder(
            platform: platform, environment: environment, services: services, scope: scope,
            strategies: schema)
        )
      })
    let serviceJobs = builders.keys.sorted().flatMap { name in
      (builders[name]?.services ?? []).filter(\.isEnabled).map { (name, $0) }
    }
    options.progress?("rendering \(serviceJobs.count) services")
    let renderedServices = await serviceJobs.concurrentMap(chunks: 64) {
      job -> (resources: [Resource], diagnostics: [Diagnostic]) in
      builders[job.0].map { $0.renderService(job.1) } ?? ([], [])
    }
    var collected: [String: (resources: [Resource], diagnostics: [Diagnostic])] = [:]
    for (job, rendered) in zip(serviceJobs, renderedServices) {
      collected[job.0, default: ([], [])].resources += rendered.resources
      collected[job.0, default: ([], [])].diagnostics += rendered.diagnostics
    }
    let perEnvironment = collected

    stopwatch.lap("render services")
    let environmentJobs = builders.keys.sorted()
    options.progress?("patching and validating \(environmentJobs.count) environments")
    let finished = await environmentJobs.concurrentMap(chunks: environmentJobs.count) {
      name -> (context: ValidationContext?, resources: [Resource], diagnostics: [Diagnostic]) in
      guard let builder = builders[name] else { return (nil, [], []) }
      let environment = builder.environment
      let services = perEnvironment[name] ?? ([], [])
      var (resources, found) = builder.finish(services.resources, diagnostics: services.diagnostics)
      if found.hasErrors { return (nil, resources, found) }
      let policy = PolicySettings(chain: environment.chain)
      let rendered = resources.map {
        RenderedResource(resource: $0, path: output + "/" + ResourcePath.path(for: $0))
      }
      resources = rendered.map(\.resource)
      let subjects = rendered.indices.filter { index in
        serviceFilter.isEmpty || rendered[index].service.map(serviceFilter.contains) == true
      }
      let serviceNamespaces = Dictionary(
        builder.services.compactMap { service in service.namespace.map { (service.name, $0.value) }
        },
        uniquingKeysWith: { first, _ in first })
      let context = ValidationContext(
        environment: name, namespace: environment.namespace?.value, resources: rendered,
        subjects: subjects, external: environment.external, policy: policy, scope: scope,
        serviceNamespaces: serviceNamespaces)
      return (context, resources, found)
    }
    // Each environment's schema check and each rule are separate jobs, so a large
    // environment does not keep one core busy while the other idles.
    let validationJobs = zip(environmentJobs.indices, finished).flatMap { index, environment in
      environment.context == nil ? [] : (0..<validator.partCount).map { (index, $0) }
    }
    let contexts = finished.map(\.context)
    let findings = await validationJobs.concurrentMap(chunks: validationJobs.count) { job in
      contexts[job.0].map { validator.validate($0, part: job.1) } ?? []
    }
    var built = finished.map { (resources: $0.resources, diagnostics: $0.diagnostics) }
    for (job, found) in zip(validationJobs, findings) {
      built[job.0].diagnostics += found
    }

    stopwatch.lap("patch and validate")
    var resources: [String: [Resource]] = [:]
    var placements: [(path: String, resource: Resource)] = []
    for (name, build) in zip(environmentJobs, built) {
      resources[name] = build.resources
      diagnostics += build.diagnostics
      let (placed, found) = OutputPlanner.placements(
        for: build.resources, environment: name, folder: output,
        include: { serviceFilter.isEmpty || $0.service.map(serviceFilter.contains) == true })
      placements += placed
      diagnostics += found
    }
    options.progress?("emitting \(placements.count) files")
    let environmentFiles = await placements.concurrentMap(chunks: 64) {
      OutputPlanner.file(at: $0.path, for: $0.resource)
    }

    stopwatch.lap("emit files")
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
    let tree = OutputPlanner.plan(
      folder: platform.settings.output, environmentFiles: environmentFiles,
      versions: VersionsFile.make(recordedVersions),
      ownedPrefixes: ownedPrefixes == [""]
        ? ownedPrefixes
        : ownedPrefixes
          + ReconcilerPlanner.ownedPrefixes(environments: selected, services: options.services),
      reconcilers: reconcilers.manifests,
      foreignPrefixes: platform.settings.flux.map {
        FluxKustomizations.bootstrapFolders(
          $0, environments: platform.environments.values.filter { !$0.isAbstract }.map(\.name))
      } ?? [])

    stopwatch.lap("reconcilers and versions")
    var compilation = Compilation(
      platform: platform, environments: environments,
      services: resolvedServices.filter { selected.contains($0.key) }, resources: resources,
      tree: tree, diagnostics: deduplicated(diagnostics))
    compilation.stageTimes = stopwatch.laps
    return compilation
  }

  /// The bundled schemas, or the `_definitions.json` of a `schemas:` folder; a
  /// `kubernetesVersion` the schemas in use are not for is an error.
  static func kubernetesSchema(
    for platform: Platform, bundled: KubernetesSchema
  ) -> (KubernetesSchema, [Diagnostic]) {
    var schema = bundled
    var diagnostics: [Diagnostic] = []
    if let file = platform.kubernetesDefinitions {
      do {
        schema = try KubernetesSchema.load(
          definitions: file.text, file: file.path,
          kubernetesVersion: platform.settings.kubernetesVersion)
      } catch {
        diagnostics +=
          error.diagnostics.isEmpty
          ? [.input(error.message, at: .start(of: file.path))] : error.diagnostics
      }
    } else if !Self.sameMinor(platform.settings.kubernetesVersion, schema.kubernetesVersion) {
      diagnostics.append(
        .input(
          "kubernetesVersion \(platform.settings.kubernetesVersion) needs its schemas: render bundles Kubernetes \(schema.kubernetesVersion)",
          at: platform.settings.kubernetesVersionLocation,
          help:
            "run Scripts/update-kubernetes-schema.py --kubernetes <version>.0 --json <folder>/_definitions.json and list the folder under 'schemas:' in render.yaml"
        ))
    }
    return (schema, diagnostics)
  }

  /// "1.31" and "1.31.0" name one minor version.
  static func sameMinor(_ a: String, _ b: String) -> Bool {
    a.split(separator: ".").prefix(2) == b.split(separator: ".").prefix(2)
  }

  /// Drops repeats of one finding (an error in service.yaml is found once per
  /// environment) and sorts the rest.
  static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    struct Key: Hashable {
      var severity: Diagnostic.Severity
      var rule: RuleID
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
