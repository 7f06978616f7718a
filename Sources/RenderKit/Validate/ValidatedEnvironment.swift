/// One environment after the Validate stage: its rendered resources, each with the path
/// of its file, and every finding so far (rendering's, patching's and validation's).
public struct ValidatedEnvironment: Sendable {
  public var environment: ResolvedEnvironment
  public var resources: [Resource]
  /// Each resource's file, relative to the output folder (`prod/checkout/...`), in the
  /// order of `resources`.
  public var paths: [String]
  public var diagnostics: [Diagnostic]

  public var name: String { environment.name }

  /// Checks each rendered environment against the schemas and the rules (an environment
  /// that did not render cleanly is not checked: its findings would follow from the
  /// errors already found). Each environment's schema check and each rule are separate
  /// jobs, so a large environment does not keep one core busy while the other idles.
  /// - Parameters:
  ///   - output: the output folder, for the paths findings name.
  ///   - services: `--service`: only their resources are checked, in the context of the
  ///     whole environment (empty: all).
  public static func validate(
    _ rendered: [RenderedEnvironment], schema: PlatformSchema, output: String,
    services filter: [String]
  ) async -> [ValidatedEnvironment] {
    let prepared = await rendered.concurrentMap(chunks: rendered.count) { environment in
      Self.prepare(environment, scope: schema.scope, output: output, services: filter)
    }
    let validator = schema.validator
    let jobs = prepared.indices.flatMap { index in
      prepared[index].context == nil ? [] : (0..<validator.partCount).map { (index, $0) }
    }
    let contexts = prepared.map(\.context)
    let findings = await jobs.concurrentMap(chunks: jobs.count) { job in
      contexts[job.0].map { validator.validate($0, part: job.1) } ?? []
    }
    var validated = prepared.map(\.environment)
    for (job, found) in zip(jobs, findings) {
      validated[job.0].diagnostics += found
    }
    return validated
  }

  /// The environment with its files' paths and, when it rendered cleanly, what its
  /// validation sees.
  private static func prepare(
    _ rendered: RenderedEnvironment, scope: ResourceScope, output: String, services filter: [String]
  ) -> (environment: ValidatedEnvironment, context: ValidationContext?) {
    let paths = rendered.resources.map(ResourcePath.path(for:))
    let environment = ValidatedEnvironment(
      environment: rendered.environment, resources: rendered.resources, paths: paths,
      diagnostics: rendered.diagnostics)
    if rendered.diagnostics.hasErrors { return (environment, nil) }
    let resources = zip(rendered.resources, paths).map {
      RenderedResource(resource: $0, path: output + "/" + $1)
    }
    let subjects = resources.indices.filter { index in
      filter.isEmpty || resources[index].service.map(filter.contains) == true
    }
    let serviceNamespaces = Dictionary(
      rendered.services.compactMap { service in service.namespace.map { (service.name, $0.value) }
      },
      uniquingKeysWith: { first, _ in first })
    let context = ValidationContext(
      environment: rendered.name, namespace: rendered.environment.namespace?.value,
      resources: resources, subjects: subjects, external: rendered.environment.external,
      policy: PolicySettings(chain: rendered.environment.chain), scope: scope,
      serviceNamespaces: serviceNamespaces)
    return (environment, context)
  }
}
