/// The id of a rule: what `error[<id>]` prints, `policy.rules` and `policy.ignore` name,
/// and reports (JSON, SARIF, GitHub) carry.
///
/// Every id render reports is a constant here, so a finding, a policy rule and its
/// documentation cannot spell the same rule two ways. Ids read from input files
/// (`policy.rules`) are checked against `RuleCatalog.configurableIDs`.
public struct RuleID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  public init(stringLiteral value: String) {
    self.init(rawValue: value)
  }

  public var description: String { rawValue }

  public static func < (lhs: RuleID, rhs: RuleID) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  // Findings that are not policy rules (`ReportedRule.builtIn`).

  /// Input files: parse errors, unknown fields, broken references.
  public static let input: RuleID = "input"
  /// Rendered resources against the Kubernetes schema and CRDs.
  public static let schema: RuleID = "schema"
  /// The `rendered/` tree against what a build writes.
  public static let output: RuleID = "output"

  // Policy rules (`RuleCatalog`), in documentation order.

  public static let apiserver: RuleID = "apiserver"
  public static let imageTag: RuleID = "image-tag"
  public static let resources: RuleID = "resources"
  public static let probes: RuleID = "probes"
  public static let securityContext: RuleID = "security-context"
  public static let labels: RuleID = "labels"
  public static let plaintextSecret: RuleID = "plaintext-secret"
  public static let envReferences: RuleID = "env-references"
  public static let namespace: RuleID = "namespace"
  public static let unique: RuleID = "unique"
  public static let references: RuleID = "references"
  public static let autoscaledReplicas: RuleID = "autoscaled-replicas"
  public static let disruptionBudget: RuleID = "disruption-budget"
}
