/// The Resolve stage's result: every environment's inheritance chain folded in and every
/// service resolved in every concrete environment.
///
/// Every service is resolved everywhere, whatever `--env` selects: versions.yaml covers
/// the whole platform, and an input error is an error whatever the filter.
public struct ResolvedPlatform: Sendable {
  public var platform: Platform
  /// Every environment whose inheritance chain resolved, abstract ones included.
  public var environments: [String: ResolvedEnvironment]
  /// The concrete environments, by name.
  public var concrete: [String]
  /// The concrete environments this run renders (`--env`, or all), by name.
  public var selected: [String]
  /// Resolved services by environment, then service (every concrete environment but
  /// the `reused` ones).
  public var services: [String: [String: ResolvedService]]
  /// What resolving each concrete environment's services found, by environment.
  public var serviceDiagnostics: [String: [Diagnostic]]
  /// Concrete environments whose services were not resolved: an earlier compile of the
  /// same inputs resolved them (and rendered them) without errors, and gave their
  /// findings and versions.
  public var reused: [String: CompiledEnvironment]
  /// Environments that must not render: some service did not resolve there (rendering
  /// would repeat the same mistakes as template and schema errors), or a service is
  /// broken (it is missing from every environment, and patches and rules would report
  /// what follows from its absence).
  public var unresolved: Set<String>
  /// The image reference of every enabled service with one, by environment, then
  /// service: what versions.yaml records.
  public var versions: [String: [String: Located<String>]]
  /// What resolving found.
  public var diagnostics: [Diagnostic]

  /// The selected environments that render, by name.
  public var rendered: [String] { selected.filter { !unresolved.contains($0) } }

  /// Resolves `platform`, every concrete environment on its own core.
  /// - Parameters:
  ///   - environments: `--env` (empty: all).
  ///   - reused: an environment's share of an earlier compile of the same inputs, or
  ///     `nil`; its services are not resolved again (see `reused`).
  public static func resolve(
    _ platform: Platform, environments filter: [String] = [],
    progress: (@Sendable (String) -> Void)? = nil,
    reusing reused: (ResolvedEnvironment) -> CompiledEnvironment? = { _ in nil }
  ) async -> ResolvedPlatform {
    let (environments, environmentDiagnostics) = EnvironmentResolver.resolve(platform)
    let concrete = environments.values.filter { !($0.leaf?.isAbstract ?? true) }
      .map(\.name).sorted()
    var reusing: [String: CompiledEnvironment] = [:]
    for name in concrete where platform.brokenServices.isEmpty {
      if let environment = environments[name], let found = reused(environment),
        found.name == name, !found.hasErrors
      {
        reusing[name] = found
      }
    }
    let resolver = ServiceResolver(platform: platform)
    let resolving = concrete.filter { reusing[$0] == nil }
    progress?("resolving \(platform.services.count) services in \(resolving.count) environments")
    let resolved = await resolving.concurrentMap(chunks: resolving.count) { name in
      Self.resolveServices(of: platform, in: environments[name], with: resolver)
    }
    let resolutions = Dictionary(
      zip(resolving, resolved).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    var result = ResolvedPlatform(
      platform: platform, environments: environments, concrete: concrete,
      selected: filter.isEmpty ? concrete : concrete.filter { filter.contains($0) },
      services: [:], serviceDiagnostics: [:], reused: reusing,
      unresolved: platform.brokenServices.isEmpty ? [] : Set(concrete),
      versions: [:], diagnostics: environmentDiagnostics)
    for name in concrete {
      if let found = reusing[name] {
        result.diagnostics += found.resolveDiagnostics
        result.serviceDiagnostics[name] = found.resolveDiagnostics
        result.versions[name] = found.versions
        continue
      }
      guard let resolution = resolutions[name] else { continue }
      result.diagnostics += resolution.diagnostics
      result.serviceDiagnostics[name] = resolution.diagnostics
      if resolution.diagnostics.hasErrors { result.unresolved.insert(name) }
      result.services[name] = resolution.services
      var versions: [String: Located<String>] = [:]
      for (service, resolved) in resolution.services where resolved.isEnabled {
        if let reference = resolved.imageRef {
          versions[service] = Located(reference, at: resolved.version?.location ?? .generated)
        }
      }
      result.versions[name] = versions
    }
    return result
  }

  /// One environment's services, broken ones left out.
  private static func resolveServices(
    of platform: Platform, in environment: ResolvedEnvironment?, with resolver: ServiceResolver
  ) -> (services: [String: ResolvedService], diagnostics: [Diagnostic]) {
    guard let environment else { return ([:], []) }
    var services: [String: ResolvedService] = [:]
    var diagnostics: [Diagnostic] = []
    for name in platform.serviceNames where !platform.brokenServices.contains(name) {
      guard let service = platform.services[name] else { continue }
      let (resolved, problems) = resolver.resolve(service, in: environment)
      diagnostics += problems
      services[name] = resolved
    }
    return (services, diagnostics)
  }
}
