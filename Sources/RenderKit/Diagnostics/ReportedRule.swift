/// What a machine-readable report says about a rule: SARIF's rule metadata
/// (`tool.driver.rules`), one entry per rule id findings can carry.
public struct ReportedRule: Hashable, Sendable {
  /// The id in `error[<id>]`, `policy.rules` and `policy.ignore`.
  public var id: RuleID
  /// One line: what the rule requires.
  public var summary: String
  /// Why it matters; empty when there is nothing more to say than the summary.
  public var rationale: String
  public var defaultSeverity: RuleSeverity

  public init(id: RuleID, summary: String, rationale: String, defaultSeverity: RuleSeverity) {
    self.id = id
    self.summary = summary
    self.rationale = rationale
    self.defaultSeverity = defaultSeverity
  }

  /// The metadata of a policy rule, from its own description.
  public init(_ rule: any PolicyRule) {
    self.init(
      id: rule.id, summary: rule.summary, rationale: rule.rationale,
      defaultSeverity: rule.defaultSeverity)
  }

  /// The rules that are not policy rules: findings in input files, Kubernetes schema
  /// findings and problems with the `rendered/` tree.
  public static let builtIn: [ReportedRule] = [
    ReportedRule(
      id: .input,
      summary: "Input files parse, match their schemas and refer to things that exist.",
      rationale: """
        render reads render.yaml, templates, services and environments before it renders \
        anything. A misspelt field, a parameter of the wrong type, or a reference to a \
        template, service or environment that does not exist stops the build at the line \
        that caused it, instead of producing manifests that fail later in the cluster.
        """,
      defaultSeverity: .error),
    ReportedRule(
      id: .schema,
      summary: "Rendered resources match the Kubernetes schema; unknown fields are errors.",
      rationale: """
        Every rendered resource is checked against the bundled JSON schema of one pinned \
        Kubernetes minor version, and custom resources against the CRDs in crds/. The \
        check is strict: a misspelt field that the API server would silently drop is an \
        error, so what is committed in rendered/ is what the cluster runs.
        """,
      defaultSeverity: .error),
    ReportedRule(
      id: .output,
      summary: "The rendered/ tree is exactly what a build writes.",
      rationale: """
        rendered/ is committed and reconcilers deploy it as it is. A hand-edited, stale or \
        out-of-date file means the cluster runs something no input describes. \
        `render build` rewrites the tree; `render build --check` fails in CI when it differs.
        """,
      defaultSeverity: .error),
  ]

  /// The built-in rules, then every policy rule of `RuleCatalog`, in documentation order.
  public static var all: [ReportedRule] {
    builtIn + RuleCatalog.all.map { ReportedRule($0) }
  }
}
