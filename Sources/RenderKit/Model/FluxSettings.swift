/// The Flux source that holds the repository; with it, render writes one
/// `Kustomization` per service and environment under `rendered/_flux/<env>/`.
public struct FluxSettings: Sendable {
  public var sourceKind: String
  public var sourceName: String
  public var sourceNamespace: String?
  public var namespace: String
  public var interval: String
  /// `prune` (default true): delete what left git.
  public var prune = Located(true, at: .generated)
  /// `wait`: a Kustomization is ready only when everything it applied is ready.
  public var wait: Located<Bool>?
  public var timeout: Located<String>?
  public var retryInterval: Located<String>?
  /// `dependsOn`: Kustomizations (`name` or `namespace/name`) every generated one waits
  /// for, such as the cluster's infrastructure.
  public var dependsOn: [Located<String>] = []
  /// `bootstrapFolder` (default `flux-system`): the folder `flux bootstrap
  /// --path=rendered/_flux/<env>` writes its own manifests to. render leaves it alone
  /// and does not warn about its files.
  public var bootstrapFolder = "flux-system"
  /// `environments`: per environment settings.
  public var environments: [String: FluxEnvironmentSettings] = [:]
  /// Where `flux:` is written in render.yaml: the source of every generated
  /// `Kustomization`, and where findings about them point.
  public var location: SourceLocation = .generated
  /// Where each field was written (`interval`, `sourceRef.name`...), so a generated value
  /// keeps the location that set it.
  public var fieldLocations: [String: SourceLocation] = [:]

  public init(
    sourceKind: String, sourceName: String, sourceNamespace: String?, namespace: String,
    interval: String
  ) {
    self.sourceKind = sourceKind
    self.sourceName = sourceName
    self.sourceNamespace = sourceNamespace
    self.namespace = namespace
    self.interval = interval
  }

  /// The settings of `environment`'s Kustomizations: the top level with the keys of
  /// `environments.<environment>` replaced.
  public func applying(environment: String) -> FluxSettings {
    guard let layer = environments[environment] else { return self }
    var settings = self
    if let interval = layer.interval {
      settings.interval = interval.value
      settings.fieldLocations["interval"] = interval.location
    }
    if let prune = layer.prune { settings.prune = prune }
    if let wait = layer.wait { settings.wait = wait }
    if let timeout = layer.timeout { settings.timeout = timeout }
    if let retryInterval = layer.retryInterval { settings.retryInterval = retryInterval }
    if let dependsOn = layer.dependsOn { settings.dependsOn = dependsOn }
    return settings
  }

  /// The location of `field` in render.yaml, or of `flux:` when the field was not written
  /// (a default).
  public func location(of field: String) -> SourceLocation {
    fieldLocations[field] ?? location
  }
}
