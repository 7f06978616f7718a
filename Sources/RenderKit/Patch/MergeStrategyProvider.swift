/// What a strategic merge patch does with a list at one place in a resource.
public enum ListMergeStrategy: Hashable, Sendable {
  /// The patch's list replaces the original (the default for lists without a patch
  /// strategy, and for custom resources).
  case replace
  /// Items are matched by the value of this key (`name` for containers, `mountPath` for
  /// volume mounts) and merged; unmatched patch items are appended.
  case mergeByKey(String)
  /// A list of scalars merged as a set union, keeping the original order
  /// (`finalizers`).
  case mergePrimitives
}

/// Knows the patch strategy of every list in the kinds it has schemas for: the
/// Kubernetes schema's `x-kubernetes-patch-merge-key` and `x-kubernetes-patch-strategy`,
/// and CRDs' `x-kubernetes-list-type: map` with `x-kubernetes-list-map-keys`.
public protocol MergeStrategyProvider: Sendable {
  /// - Parameter path: the mapping keys from the resource root to the list, with
  ///   sequence indexes left out: `["spec", "template", "spec", "containers"]`.
  func listStrategy(apiVersion: String, kind: String, path: [String]) -> ListMergeStrategy
}
