/// One entry of a `patches:` list: which resources it changes and how.
///
/// Patches come from `service.yaml`, then from each environment from root to leaf (its
/// `patches`, then its override's); `PatchApplier` applies them in that order.
public struct Patch: Sendable {
  public var target: PatchTarget
  public var operation: PatchOperation
  /// The list item the patch was written as, for findings about the patch as a whole.
  public var location: SourceLocation
  /// `optional: true`: a target that matches nothing is fine (a resource that exists only
  /// under some values). By default it is an error.
  public var isOptional: Bool

  public init(
    target: PatchTarget, operation: PatchOperation, location: SourceLocation,
    isOptional: Bool = false
  ) {
    self.target = target
    self.operation = operation
    self.location = location
    self.isOptional = isOptional
  }
}
