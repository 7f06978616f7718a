/// `environments/<name>/environment.yaml` with the files beside it.
public struct Environment: Sendable {
  public var name: String
  public var file: String
  public var inherits: Located<String>?
  /// An abstract environment only exists to be inherited; it is never rendered.
  public var isAbstract: Bool
  public var namespace: Located<String>?
  public var cluster: Located<String>?
  /// Free-form values visible to templates as `env.vars` (a mapping).
  public var vars: Node?
  /// Labels for every resource of the environment (a mapping of strings).
  public var labels: Node?
  /// Annotations for every resource of the environment (a mapping of strings).
  public var annotations: Node?
  /// `defaults.values`: parameters for every service here (layer 3).
  public var defaultValues: Node?
  /// `defaults.labels`: labels for every service here.
  public var defaultLabels: Node?
  /// `defaults.annotations`: annotations for every service here.
  public var defaultAnnotations: Node?
  /// `defaults.registry`: prefixed to every service image that names no registry.
  public var defaultRegistry: Located<String>?
  /// `defaults.version`: the release-wide version of every templated service with an
  /// image, below the services' overrides.
  public var defaultVersion: Located<String>?
  /// Per-service overrides by service name (layer 4).
  public var overrides: [String: ServiceOverride]
  public var patches: [Patch]
  /// Objects that exist in the cluster without being rendered.
  public var external: [ExternalObject]
  /// `policy:`, folded along the chain by the validation stage.
  public var policy: PolicyLayer?
  /// `resources/*.yaml`.
  public var resources: [ManifestFile]

  public init(
    name: String, file: String, inherits: Located<String>? = nil, isAbstract: Bool = false,
    namespace: Located<String>? = nil, cluster: Located<String>? = nil, vars: Node? = nil,
    labels: Node? = nil, defaultValues: Node? = nil, defaultLabels: Node? = nil,
    overrides: [String: ServiceOverride] = [:], patches: [Patch] = [],
    external: [ExternalObject] = [], policy: PolicyLayer? = nil, resources: [ManifestFile] = []
  ) {
    self.name = name
    self.file = file
    self.inherits = inherits
    self.isAbstract = isAbstract
    self.namespace = namespace
    self.cluster = cluster
    self.vars = vars
    self.labels = labels
    self.defaultValues = defaultValues
    self.defaultLabels = defaultLabels
    self.overrides = overrides
    self.patches = patches
    self.external = external
    self.policy = policy
    self.resources = resources
  }
}
