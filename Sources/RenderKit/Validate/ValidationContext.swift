/// What a policy rule sees: one environment's rendered resources and settings.
public struct ValidationContext: Sendable {
  public var environment: String
  /// The environment's namespace, if it sets one.
  public var namespace: String?
  /// Every rendered resource of the environment (for lookups across resources).
  public var resources: [RenderedResource] {
    didSet { podTemplates = resources.map { PodTemplate(of: $0.resource) } }
  }
  /// The pod template of each resource (same indexes as `resources`), found once for all
  /// rules.
  public private(set) var podTemplates: [PodTemplate?]
  /// Indexes into `resources` of the resources to check (a `--service` filter checks
  /// fewer than it renders).
  public var subjects: [Int]
  /// Objects that exist in the cluster without being rendered.
  public var external: [ExternalObject]
  public var policy: PolicySettings
  public var scope: ResourceScope
  /// The namespace of each service whose override sets its own (`namespace:` in
  /// `environments/<env>/<service>.yaml`), by service name: where its resources belong
  /// instead of `namespace`.
  public var serviceNamespaces: [String: String]

  public init(
    environment: String, namespace: String?, resources: [RenderedResource], subjects: [Int]? = nil,
    external: [ExternalObject] = [], policy: PolicySettings = PolicySettings(),
    scope: ResourceScope = ResourceScope(), serviceNamespaces: [String: String] = [:]
  ) {
    self.environment = environment
    self.namespace = namespace
    self.resources = resources
    self.podTemplates = resources.map { PodTemplate(of: $0.resource) }
    self.subjects = subjects ?? Array(resources.indices)
    self.external = external
    self.policy = policy
    self.scope = scope
    self.serviceNamespaces = serviceNamespaces
  }

  /// The namespace `resource` belongs in: its service's override's, else the
  /// environment's.
  public func expectedNamespace(of resource: Resource) -> String? {
    resource.service.flatMap { serviceNamespaces[$0] } ?? namespace
  }

  /// The resources to check.
  public var checked: [RenderedResource] { subjects.map { resources[$0] } }

  /// A finding about a field of a rendered resource. It points at `node`'s location (the
  /// input line that produced the value); when the value was made up by render, or the
  /// finding is about a field that is missing, at the nearest written ancestor on
  /// `path`; and it names the rendered file and field.
  public func finding(
    _ rule: RuleID, _ message: String, in resource: RenderedResource, at path: [PathComponent],
    help: String? = nil
  ) -> Diagnostic {
    Diagnostic(
      .error, rule: rule, message, at: Self.location(of: path, in: resource),
      related: [.rendered(resource.path, field: path)], help: help)
  }

  /// The location of the deepest node along `path` that exists and was written in an
  /// input file.
  static func location(of path: [PathComponent], in resource: RenderedResource) -> SourceLocation {
    var node = resource.body
    var best = node.location.isKnown ? node.location : resource.resource.source
    for component in path {
      let next: Node?
      switch component {
      case .key(let key): next = node[key]
      case .index(let index):
        next = node.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
      }
      guard let next else { break }
      node = next
      if node.location.isKnown { best = node.location }
    }
    return best
  }
}

extension Diagnostic.Related {
  /// "in rendered/prod/x/deployment-x.yaml at spec.replicas": where a finding about
  /// rendered output ended up.
  public static func rendered(_ file: String, field: [PathComponent]) -> Diagnostic.Related {
    Diagnostic.Related(field.isEmpty ? "in \(file)" : "in \(file) at \(field.dottedPath)")
  }
}
