/// One environment after the Template, Transform and Patch stages: its services'
/// resources and its own, with namespaces, labels and annotations set and every patch
/// applied.
public struct RenderedEnvironment: Sendable {
  public var environment: ResolvedEnvironment
  /// The environment's resolved services, in the platform's service order.
  public var services: [ResolvedService]
  /// Grouped by service, in service order, then the environment's own.
  public var resources: [Resource]
  /// What rendering and patching found.
  public var diagnostics: [Diagnostic]

  public var name: String { environment.name }

  /// Renders the environments `resolved` renders, by name, in two parallel phases:
  /// every service of every environment (independent of each other), then each
  /// environment's own resources and patches (they see the whole environment).
  /// - Parameter names: the environments to render, of those `resolved` renders, in its
  ///   order (`nil`: all of them).
  public static func render(
    _ resolved: ResolvedPlatform, only names: [String]? = nil, schema: PlatformSchema,
    progress: (@Sendable (String) -> Void)? = nil
  ) async -> [RenderedEnvironment] {
    let platform = resolved.platform
    let builders = (names ?? resolved.rendered).compactMap { name -> EnvironmentBuilder? in
      guard let environment = resolved.environments[name] else { return nil }
      return EnvironmentBuilder(
        platform: platform, environment: environment,
        services: platform.serviceNames.compactMap { resolved.services[name]?[$0] },
        scope: schema.scope, strategies: schema.kubernetes)
    }
    let jobs = builders.indices.flatMap { index in
      builders[index].services.filter(\.isEnabled).map { ServiceJob(builder: index, service: $0) }
    }
    progress?("rendering \(jobs.count) services")
    let renderedServices = await jobs.concurrentMap(chunks: 64) { job in
      builders[job.builder].renderService(job.service)
    }
    var services = builders.map { _ in (resources: [Resource](), diagnostics: [Diagnostic]()) }
    for (job, rendered) in zip(jobs, renderedServices) {
      services[job.builder].resources += rendered.resources
      services[job.builder].diagnostics += rendered.diagnostics
    }
    let collected = services
    progress?("patching and validating \(builders.count) environments")
    return await builders.indices.map { $0 }.concurrentMap(chunks: builders.count) { index in
      let builder = builders[index]
      let (resources, diagnostics) = builder.finish(
        collected[index].resources, diagnostics: collected[index].diagnostics)
      return RenderedEnvironment(
        environment: builder.environment, services: builder.services, resources: resources,
        diagnostics: diagnostics)
    }
  }

  /// One service of one environment to render.
  private struct ServiceJob: Sendable {
    var builder: Int
    var service: ResolvedService
  }
}
