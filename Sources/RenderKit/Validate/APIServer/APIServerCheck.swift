/// One group of the Kubernetes API server's validation, for a few related kinds (one
/// file per group, after upstream's `pkg/apis/<group>/validation`).
protocol APIServerCheck: Sendable {
  /// The kinds it validates, as `group/Kind` (`/Service` for the core group); empty for
  /// every built-in kind.
  var kinds: Set<String> { get }
  /// Cases that fire and cases that do not; the `apiserver` rule documents them all.
  var examples: [RuleExample] { get }

  func check(_ object: inout APIServerObject)
}
