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
    // Rendering: the services whose resources can change this one's are parsed too, in
    // the same parse.
    let others = bundled == nil ? [] : renderingDependencies(of: [service], in: loaded)
    let platform = loaded.platform(seenBy: others.union([service]))
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

  /// The other services whose folders the services' rendered resources can depend on in
  /// an environment: a generated ConfigMap or Secret renames every reference to it in
  /// the environment, and `checksumAnnotation` sums every ConfigMap and Secret the pods
  /// reference, whichever service writes it. Told apart by the files' text, not parsed:
  /// a service that only mentions a generator or the checksum (in a comment, or set to
  /// false) is parsed for nothing, never missed. A generator in an environment's file, or
  /// a checksum (set only in service.yaml), needs every service.
  static func renderingDependencies(
    of services: Set<String>, in loaded: LoadedRepository
  ) -> Set<String> {
    let everyOther = Set(
      loaded.repository.subdirectories(of: "services").filter { !services.contains($0) })
    func mentions(_ path: String, _ word: String) -> Bool {
      loaded.repository.files[path]?.text.contains(word) == true
    }
    if services.contains(where: { mentions("services/\($0)/service.yaml", "checksumAnnotation") }) {
      return everyOther
    }
    func declaresGenerator(_ path: String) -> Bool { mentions(path, "Generator") }
    var others: Set<String> = []
    // Every file, whatever its extension: overrides may be `.yml` or `.json` too.
    for path in loaded.repository.files.keys {
      if path.hasPrefix("environments/") {
        if declaresGenerator(path) { return everyOther }
      } else if path.hasPrefix("services/") {
        let name = String(path.dropFirst("services/".count).prefix { $0 != "/" })
        if everyOther.contains(name), !others.contains(name), declaresGenerator(path) {
          others.insert(name)
        }
      }
    }
    return others
  }
}
