/// The Flux source that holds the repository; with it, render writes one
/// `Kustomization` per service and environment under `rendered/_flux/<env>/`.
public struct FluxSettings: Sendable {
  public var sourceKind: String
  public var sourceName: String
  public var sourceNamespace: String?
  public var namespace: String
  public var interval: String

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
}
