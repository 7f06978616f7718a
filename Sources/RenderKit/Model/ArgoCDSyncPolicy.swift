/// `syncPolicy` of generated Argo CD Applications, as render.yaml writes it (in Argo
/// CD's own shape): whether Argo CD syncs by itself, with which sync options and
/// retries. Every value keeps its location in render.yaml, so a schema finding about a
/// generated Application points at the line that set it.
public struct ArgoCDSyncPolicy: Sendable {
  /// `automated`: sync whenever git and the cluster differ.
  public struct Automated: Sendable {
    public var prune: Located<Bool>
    public var selfHeal: Located<Bool>
    public var allowEmpty: Located<Bool>?
    public var location: SourceLocation

    public init(
      prune: Located<Bool>, selfHeal: Located<Bool>, allowEmpty: Located<Bool>? = nil,
      location: SourceLocation = .generated
    ) {
      self.prune = prune
      self.selfHeal = selfHeal
      self.allowEmpty = allowEmpty
      self.location = location
    }
  }

  /// A policy as one layer of render.yaml writes it: `argocd.syncPolicy`, or
  /// `argocd.environments.<env>.syncPolicy`, whose keys replace the first's.
  public struct Layer: Sendable {
    /// `nil`: not written. `.some(nil)`: `automated: false`, syncing by hand.
    public var automated: Automated??
    public var syncOptions: [Located<String>]?
    /// `retry`, checked against Argo CD's shape and emitted as written.
    public var retry: Node?
    public var location: SourceLocation

    public init(
      automated: Automated?? = nil, syncOptions: [Located<String>]? = nil, retry: Node? = nil,
      location: SourceLocation = .generated
    ) {
      self.automated = automated
      self.syncOptions = syncOptions
      self.retry = retry
      self.location = location
    }
  }

  /// `nil` when Argo CD only syncs on request.
  public var automated: Automated?
  public var syncOptions: [Located<String>]
  public var retry: Node?

  public init(automated: Automated?, syncOptions: [Located<String>] = [], retry: Node? = nil) {
    self.automated = automated
    self.syncOptions = syncOptions
    self.retry = retry
  }

  /// Without settings: sync automatically, delete what left git (prune) and revert
  /// changes made in the cluster (selfHeal), as a GitOps repository expects.
  public static func standard(at location: SourceLocation) -> ArgoCDSyncPolicy {
    ArgoCDSyncPolicy(
      automated: Automated(
        prune: Located(true, at: location), selfHeal: Located(true, at: location),
        location: location))
  }

  /// This policy with the keys `layer` writes replaced.
  public func applying(_ layer: Layer) -> ArgoCDSyncPolicy {
    var policy = self
    if let automated = layer.automated { policy.automated = automated }
    if let options = layer.syncOptions { policy.syncOptions = options }
    if let retry = layer.retry { policy.retry = retry }
    return policy
  }

  /// Whether Argo CD creates the destination namespace (`CreateNamespace=true`).
  public var createsNamespace: Bool {
    syncOptions.contains { $0.value == "CreateNamespace=true" }
  }

  /// The sync options Argo CD documents, with the values each takes (`nil`: any).
  public static let knownOptions: [String: [String]?] = [
    "Validate": ["true", "false"],
    "CreateNamespace": ["true", "false"],
    "PrunePropagationPolicy": ["foreground", "background", "orphan"],
    "PruneLast": ["true", "false"],
    "ApplyOutOfSyncOnly": ["true", "false"],
    "ServerSideApply": ["true", "false"],
    "Replace": ["true", "false"],
    "RespectIgnoreDifferences": ["true", "false"],
    "FailOnSharedResource": ["true", "false"],
    "Prune": ["false", "confirm"],
    "Delete": ["false", "confirm"],
    "SkipDryRunOnMissingResource": ["true", "false"],
    "Force": ["true", "false"],
  ]

  /// The `syncPolicy` mapping of an Application.
  public var node: Node {
    var entries: [Node.Entry] = []
    if let automated {
      var fields: [Node.Entry] = [
        .init("prune", .scalar(.bool(automated.prune.value), at: automated.prune.location)),
        .init(
          "selfHeal", .scalar(.bool(automated.selfHeal.value), at: automated.selfHeal.location)),
      ]
      if let allowEmpty = automated.allowEmpty {
        fields.append(
          .init("allowEmpty", .scalar(.bool(allowEmpty.value), at: allowEmpty.location)))
      }
      entries.append(.init("automated", .mapping(fields, at: automated.location)))
    }
    if !syncOptions.isEmpty {
      entries.append(
        .init("syncOptions", .sequence(syncOptions.map { .string($0.value, at: $0.location) })))
    }
    if let retry { entries.append(.init("retry", retry)) }
    return .mapping(entries)
  }
}
