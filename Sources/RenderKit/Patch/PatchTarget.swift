/// Which resources a patch applies to. Every field is optional and they are ANDed: an
/// empty target matches every resource in the patch's scope.
///
/// `name` and `service` are globs (`*` matches any run of characters); `kind`,
/// `apiVersion` and `group` match exactly; `labelSelector` is a Kubernetes selector
/// on `metadata.labels` as rendered before patching.
public struct PatchTarget: Sendable, CustomStringConvertible {
  public let kind: String?
  public let apiVersion: String?
  /// The API group: `apps`, `networking.k8s.io`, or `""` for the core group.
  public let group: String?
  public let name: String?
  public let service: String?
  public let labelSelector: LabelSelector?
  /// Where the target was written (the patch item when it has no `target:`).
  public let location: SourceLocation

  private let nameGlob: Glob?
  private let serviceGlob: Glob?

  public init(
    kind: String? = nil, apiVersion: String? = nil, group: String? = nil, name: String? = nil,
    service: String? = nil, labelSelector: LabelSelector? = nil,
    location: SourceLocation = .generated
  ) {
    self.kind = kind
    self.apiVersion = apiVersion
    self.group = group
    self.name = name
    self.service = service
    self.labelSelector = labelSelector
    self.location = location
    nameGlob = name.map(Glob.init)
    serviceGlob = service.map(Glob.init)
  }

  public func matches(_ resource: Resource) -> Bool {
    if let kind, resource.kind != kind { return false }
    if let apiVersion, resource.apiVersion != apiVersion { return false }
    if let group, resource.group != group { return false }
    if let nameGlob, !nameGlob.matches(resource.name) { return false }
    if let serviceGlob {
      // An environment's own resources belong to no service, so a service filter never
      // selects them.
      guard let service = resource.service, serviceGlob.matches(service) else { return false }
    }
    if let labelSelector, !labelSelector.matches(PatchTarget.labels(of: resource)) {
      return false
    }
    return true
  }

  static func labels(of resource: Resource) -> [String: String] {
    var labels: [String: String] = [:]
    for entry in resource.body["metadata"]?["labels"]?.mapping ?? [] {
      if let value = entry.value.scalar, value != .null { labels[entry.key] = value.canonicalText }
    }
    return labels
  }

  /// The target as it would be written in flow style, for messages:
  /// `{kind: Deployment, name: "check*"}`.
  public var description: String {
    var fields: [String] = []
    func add(_ key: String, _ value: String?) {
      guard let value else { return }
      fields.append("\(key): \(YAMLEmitter.inlineScalar(.string(value)))")
    }
    add("kind", kind)
    add("apiVersion", apiVersion)
    add("group", group)
    add("name", name)
    add("service", service)
    add("labelSelector", labelSelector?.text)
    return "{" + fields.joined(separator: ", ") + "}"
  }
}
