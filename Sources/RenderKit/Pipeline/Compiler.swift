/// The whole pipeline from a loaded repository to the files to write:
/// Parse -> Resolve -> Template -> Transform and Patch -> Output.
///
/// Pure: no stage here touches the disk. Environments render in parallel; each is
/// independent of the others.
public enum Compiler {
  public static func compile(
    _ repository: Repository, options: BuildOptions = BuildOptions(),
    strategies: any MergeStrategyProvider
  ) async -> Compilation {
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    return await compile(
      platform, diagnostics: parseDiagnostics, options: options, strategies: strategies)
  }

  public static func compile(
    _ platform: Platform, diagnostics parseDiagnostics: [Diagnostic],
    options: BuildOptions = BuildOptions(), strategies: any MergeStrategyProvider
  ) async -> Compilation {
    var diagnostics = parseDiagnostics
    let (environments, environmentDiagnostics) = EnvironmentResolver.resolve(platform)
    diagnostics += environmentDiagnostics

    let concrete = environments.values.filter { !($0.leaf?.isAbstract ?? true) }
      .map(\.name).sorted()
    let selected = options.environments.isEmpty ? concrete : concrete.filter { options.environments.contains($0) }

    // Resolve every service everywhere: versions.yaml covers the whole platform, and an
    // input error is an error whatever the filter.
    let resolver = ServiceResolver(platform: platform)
    var resolvedServices: [String: [String: ResolvedService]] = [:]
    var versions: [String: [String: Located<String>]] = [:]
    for name in concrete {
      guard let environment = environments[name] else { continue }
      var byService: [String: ResolvedService] = [:]
      var environmentVersions: [String: Located<String>] = [:]
      for serviceName in platform.serviceNames {
        guard let service = platform.services[serviceName] else { continue }
        let (resolved, found) = resolver.resolve(service, in: environment)
        diagnostics += found
        byService[serviceName] = resolved
        if resolved.isEnabled, let reference = resolved.imageRef {
          environmentVersions[serviceName] = Located(reference, at: resolved.version?.location ?? .generated)
        }
      }
      resolvedServices[name] = byService
      versions[name] = environmentVersions
    }

    let scope = ResourceScope(customResourceDefinitions: platform.customResourceDefinitions)
    let builds = await withTaskGroup(
      of: (String, [Resource], [Diagnostic]).self, returning: [(String, [Resource], [Diagnostic])].self
    ) { group in
      for name in selected {
        guard let environment = environments[name] else { continue }
        let services = platform.serviceNames.compactMap { resolvedServices[name]?[$0] }
        let builder = EnvironmentBuilder(
          platform: platform, environment: environment, services: services, scope: scope,
          strategies: strategies)
        group.addTask {
          let (resources, found) = builder.build()
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
    let (tree, outputDiagnostics) = OutputPlanner.plan(
      folder: platform.settings.output, resources: resources, versions: VersionsFile.make(versions),
      ownedPrefixes: ownedPrefixes,
      include: { resource in
        services.isEmpty || resource.service.map(services.contains) == true
      })
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
