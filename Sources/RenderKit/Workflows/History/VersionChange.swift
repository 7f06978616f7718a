/// A version reaching an environment: one service's image reference in one environment
/// changed in one commit of `versions.yaml`'s history.
public struct VersionChange: Sendable, Equatable {
  /// How the commit's Render trailers relate to the change.
  public enum Trailer: Sendable, Equatable {
    /// The commit has no Render trailer for this service.
    case none
    /// A trailer names this service, environment and version.
    case confirmed
    /// A trailer names this service and version in another environment: the change
    /// came through inheritance (a pin in `prod` reaching `prod-eu`).
    case viaEnvironment(String)
    /// A trailer names this service and environment with another version.
    case otherVersion(String)
  }

  public var commit: GitLogCommit.Summary
  public var environment: String
  public var service: String
  /// The image reference before, `nil` when the service was not there.
  public var old: String?
  /// The image reference after, `nil` when the service went away (disabled, removed).
  public var new: String?
  public var trailer: Trailer

  public init(
    commit: GitLogCommit.Summary, environment: String, service: String, old: String?,
    new: String?, trailer: Trailer = .none
  ) {
    self.commit = commit
    self.environment = environment
    self.service = service
    self.old = old
    self.new = new
    self.trailer = trailer
  }

  /// The tag or digest of an image reference: `1.4.2` of `ghcr.io/acme/x:1.4.2`,
  /// `sha256:…` of `image@sha256:…`; the reference itself when it has neither.
  public static func version(of reference: String) -> String {
    ImageReference(reference).version ?? reference
  }

  /// The image of a reference, without tag or digest.
  public static func image(of reference: String) -> String {
    ImageReference(reference).repository
  }
}
