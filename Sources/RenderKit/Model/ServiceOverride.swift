/// What one environment changes for one service: `services.<name>` in environment.yaml,
/// or `environments/<env>/<name>.yaml`.
public struct ServiceOverride: Sendable {
  public var service: String
  /// The file that holds the override.
  public var file: String
  /// Where the override starts (the key in environment.yaml, or the file's start).
  public var location: SourceLocation
  public var version: Located<String>?
  public var image: Located<String>?
  public var namespace: Located<String>?
  public var labels: Node?
  /// Annotations for the service's resources in this environment (a mapping of strings).
  public var annotations: Node?
  public var values: Node?
  public var patches: [Patch]
  public var enabled: Located<Bool>?
  /// `replicas` of a service rendered from plain manifests: set on its Deployments,
  /// StatefulSets and ReplicaSets here.
  public var replicas: Located<Int>?
  /// Generators created, merged or replaced here (`behavior`).
  public var generators: [ConfigGenerator] = []

  /// Whether the override sets nothing but `version` and `image`: it then changes only
  /// the resources that run the service's image (their headers list it as an input, the
  /// others' do not). Every other field is named here: a new one belongs in this list.
  public var setsOnlyTheImage: Bool {
    namespace == nil && labels == nil && annotations == nil && values == nil
      && patches.isEmpty && enabled == nil && replicas == nil && generators.isEmpty
  }

  /// The environment whose folder holds the override (`environments/<env>/…`).
  public var environment: String {
    let components = file.split(separator: "/")
    return components.count > 1 ? String(components[1]) : file
  }

  public init(
    service: String, file: String, location: SourceLocation, version: Located<String>? = nil,
    image: Located<String>? = nil, namespace: Located<String>? = nil, labels: Node? = nil,
    values: Node? = nil, patches: [Patch] = [], enabled: Located<Bool>? = nil
  ) {
    self.service = service
    self.file = file
    self.location = location
    self.version = version
    self.image = image
    self.namespace = namespace
    self.labels = labels
    self.values = values
    self.patches = patches
    self.enabled = enabled
  }
}
