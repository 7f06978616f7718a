/// Knows the patch strategy of every list in the kinds it has schemas for: the
/// Kubernetes schema's `x-kubernetes-patch-merge-key` and `x-kubernetes-patch-strategy`,
/// and CRDs' `x-kubernetes-list-type: map` with `x-kubernetes-list-map-keys`.
public protocol MergeStrategyProvider: Sendable {
  /// - Parameter path: the mapping keys from the resource root to the list, with
  ///   sequence indexes left out: `["spec", "template", "spec", "containers"]`.
  func listStrategy(apiVersion: String, kind: String, path: [String]) -> ListMergeStrategy
}
