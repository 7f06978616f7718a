/// A small case a policy rule is tested on and documented with: manifests of one
/// environment, and whether the rule fires on them.
public struct RuleExample: Sendable {
  public var description: String
  /// One or more Kubernetes manifests (YAML documents), rendered as if for service
  /// `example` in environment `test` with namespace `test`. A document headed by a
  /// `# service: NAME` comment is rendered for service NAME instead, for rules that look
  /// across services.
  public var manifests: String
  /// `external:` objects of the environment, as `Kind/name`.
  public var external: [String]
  /// Whether the rule reports something on these manifests.
  public var triggers: Bool

  public init(_ description: String, triggers: Bool, external: [String] = [], manifests: String) {
    self.description = description
    self.manifests = manifests
    self.external = external
    self.triggers = triggers
  }
}
