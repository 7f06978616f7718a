/// Explains one field of one rendered resource: `render explain ENV SERVICE
/// Deployment/checkout:spec.replicas`.
public struct FieldExplainer: Sendable {
  public let platform: Platform
  public let resolved: ResolvedService
  /// The resources of the service in the environment, as rendered (after patches).
  public let resources: [Resource]

  /// The service rendered again through the build's own renderer (`ServiceRenderer`),
  /// with a trace of the expression behind every node.
  private let trace: ExpressionTrace
  /// Every value of the service and the layers that set it.
  private let histories: [ValueHistory]

  public init(platform: Platform, resolved: ResolvedService, resources: [Resource]) {
    self.platform = platform
    self.resolved = resolved
    self.resources = resources
    var trace = ExpressionTrace()
    _ = ServiceRenderer(platform: platform).render(resolved, tracing: &trace)
    self.trace = trace
    histories = ValueExplainer.histories(for: resolved)
  }

  /// The explainer of `render explain ENV SERVICE FIELD`: the service as `compilation`
  /// resolved it, its resources as the build rendered and patched them; `nil` when the
  /// service did not resolve in the environment.
  public init?(_ compilation: Compilation, environment: String, service: String) {
    guard let resolved = compilation.services[environment]?[service] else { return nil }
    self.init(
      platform: compilation.platform, resolved: resolved,
      resources: (compilation.resources[environment] ?? []).filter { $0.service == service })
  }

  /// - Parameter target: `Kind/name:field.path`.
  public func explain(_ target: String) -> Result<FieldExplanation, FieldPathError> {
    guard let colon = target.firstIndex(of: ":") else {
      return .failure(
        FieldPathError(
          "'\(target)' is not Kind/name:field.path (e.g. Deployment/checkout:spec.replicas)"))
    }
    let identity = target[..<colon]
    let parts = identity.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2 else {
      return .failure(FieldPathError("'\(identity)' is not Kind/name"))
    }
    let candidates = resources.map(\.displayName)
    guard
      let resource = resources.first(where: {
        $0.kind.lowercased() == parts[0].lowercased() && $0.name == parts[1]
      })
    else {
      return .failure(
        FieldPathError(
          "service '\(resolved.name)' renders no \(identity) in environment '\(resolved.environment.name)'"
            + Suggestion.didYouMean(String(identity), in: candidates)
            + " (it renders \(candidates.joined(separator: ", ")))"))
    }
    let fieldPath: FieldPath
    switch FieldPath.parse(String(target[target.index(after: colon)...])) {
    case .success(let parsed): fieldPath = parsed
    case .failure(let error): return .failure(error)
    }
    let (path, found) = fieldPath.resolve(in: resource.body)
    guard let value = found else {
      let keys = resource.body.value(at: Array(path.dropLast()))?.mapping?.map(\.key) ?? []
      let last = path.last.map { "\($0)" } ?? ""
      return .failure(
        FieldPathError(
          "\(resource.displayName) has no field \(path.dottedPath)"
            + Suggestion.didYouMean(last, in: keys)))
    }
    let renderedPath = platform.settings.output + "/" + ResourcePath.path(for: resource)
    return .success(
      FieldExplanation(
        resource: resource.displayName, renderedPath: renderedPath, field: path, value: value,
        origin: value.location, expression: expression(for: resource, at: path),
        patch: patchLocation(of: value), history: history(of: value)))
  }

  /// The expression behind the value, as the traced render recorded it.
  func expression(for resource: Resource, at path: [PathComponent]) -> SourceLocation? {
    trace.expression(in: resource.source, at: path)
  }

  /// The patch whose nodes include one at the value's location, among the patches the
  /// build applied to the service (`PatchLayer`), the last to apply first.
  func patchLocation(of value: Node) -> SourceLocation? {
    guard value.location.isKnown else { return nil }
    let patches = PatchLayer.all(for: resolved).flatMap(\.patches)
    for patch in patches.reversed() where patch.location.fileID == value.location.fileID {
      switch patch.operation {
      case .merge(let node):
        if Self.contains(node, location: value.location) { return patch.location }
      case .json(let operations):
        for operation in operations {
          if let node = operation.value, Self.contains(node, location: value.location) {
            return patch.location
          }
        }
      }
    }
    return nil
  }

  static func contains(_ node: Node, location: SourceLocation) -> Bool {
    if node.location == location { return true }
    switch node.content {
    case .scalar: return false
    case .sequence(let items): return items.contains { contains($0, location: location) }
    case .mapping(let entries): return entries.contains { contains($0.value, location: location) }
    }
  }

  /// The layers behind the value, when one of them set it.
  func history(of value: Node) -> ValueHistory? {
    guard value.location.isKnown else { return nil }
    return histories.first { history in
      history.settings.contains { $0.location == value.location }
    }
  }
}
