/// One service in one environment, resolved (and, given the schemas, rendered and
/// patched) from the platform as that service sees it
/// (`LoadedRepository.platform(seenBy:)`): what `explain` and `preview` show without
/// compiling the other services. Only meaningful when the whole platform is known to
/// compile without errors (a cache entry for these inputs says so): the stages' findings
/// about the missing services are dropped.
public struct ServiceSlice: Sendable {
  /// The platform as the service sees it.
  public var platform: Platform
  /// `nil` when the environment or the service does not resolve.
  public var resolved: ResolvedService?
  /// The service's resources in the environment, as a build renders and patches them;
  /// empty when no schemas were given.
  public var resources: [Resource]

  public init(platform: Platform, resolved: ResolvedService?, resources: [Resource]) {
    self.platform = platform
    self.resolved = resolved
    self.resources = resources
  }

  /// - Parameter schema: the bundled schemas, to render the resources (strategic-merge
  ///   patches follow them); `nil` only resolves.
  public static func make(
    _ loaded: LoadedRepository, environment: String, service: String,
    schema bundled: KubernetesSchema? = nil
  ) async -> ServiceSlice {
    let platform = loaded.platform(seenBy: service)
    let resolved = await ResolvedPlatform.resolve(platform, environments: [environment])
    var slice = ServiceSlice(
      platform: platform, resolved: resolved.services[environment]?[service], resources: [])
    if let bundled {
      let schema = PlatformSchema(platform, bundled: bundled, strict: false)
      let rendered = await RenderedEnvironment.render(resolved, schema: schema)
      slice.resources = rendered.flatMap(\.resources).filter { $0.service == service }
    }
    return slice
  }
}
