/// Where the pods of a workload are described, so rules that look at containers work
/// the same for every kind that runs pods.
public struct PodTemplate: Sendable {
  /// A container and where it sits in the resource.
  public struct Container: Sendable {
    public var node: Node
    public var path: [PathComponent]
    /// `containers`, `initContainers` or `ephemeralContainers`.
    public var list: String
    public var name: String { node["name"]?.string ?? "" }
  }

  /// The pod spec and its path in the resource.
  public let spec: Node
  public let path: [PathComponent]
  /// The pod template's metadata (labels), when the kind has a template.
  public let metadata: Node?
  public let metadataPath: [PathComponent]
  /// Every container: init containers first, then containers, then ephemeral ones. Found
  /// once: most rules go through them, for every workload.
  public let containers: [Container]

  /// The pod template of `resource`, or `nil` when its kind runs no pods or has no spec.
  public init?(of resource: Resource) {
    guard let keys = WorkloadKind.podSpecPath(of: resource) else { return nil }
    let path = keys.map(PathComponent.key)
    guard let spec = resource.body.value(at: path), spec.isMapping else { return nil }
    self.spec = spec
    self.path = path
    let metadataPath: [PathComponent] =
      resource.kind == "Pod" ? [.key("metadata")] : Array(path.dropLast()) + [.key("metadata")]
    self.metadataPath = metadataPath
    self.metadata = resource.body.value(at: metadataPath)
    var containers: [Container] = []
    for list in WorkloadKind.containerLists {
      for (index, node) in (spec[list]?.sequence ?? []).enumerated() {
        containers.append(
          Container(node: node, path: path + [.key(list), .index(index)], list: list))
      }
    }
    self.containers = containers
  }
}
