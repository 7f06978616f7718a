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
