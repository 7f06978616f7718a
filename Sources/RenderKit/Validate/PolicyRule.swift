/// A policy rule of SPEC.md section 6: a check over one environment's rendered
/// resources with an id users configure it by.
///
/// Rules report findings with `ValidationContext.finding(...)`, which points at the
/// input line that produced the offending value and names the rendered file and field;
/// the validator then applies the environment's severity, ignores and `--strict`.
public protocol PolicyRule: Sendable {
  /// The id in `policy.rules`, `policy.ignore` and `error[<id>]`.
  var id: RuleID { get }
  /// One line: what the rule requires.
  var summary: String { get }
  /// Why it matters, for the rule documentation.
  var rationale: String { get }
  var defaultSeverity: RuleSeverity { get }
  /// Cases that fire and cases that do not: the rule's tests and its documentation.
  var examples: [RuleExample] { get }

  func check(_ context: ValidationContext) -> [Diagnostic]
}
