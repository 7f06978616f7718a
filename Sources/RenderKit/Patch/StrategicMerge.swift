/// Applies Kubernetes strategic merge patches (`merge:` patches) to resource bodies.
///
/// The semantics follow apimachinery's `strategicpatch` package, on located `Node`
/// trees:
/// - Mappings merge key by key, recursively; `null` removes a key. Keys the patch adds
///   are appended in the patch's order; existing keys keep their place.
/// - Lists ask the `MergeStrategyProvider`: `mergeByKey(k)` merges the items whose `k`
///   matches and appends the others; `mergePrimitives` is a set union keeping the
///   original order; `replace` takes the patch's list.
/// - Directives: `$patch: delete` on a mapping removes it (at the top of a patch, the
///   whole resource) and on a keyed list item removes the items with that key;
///   `$patch: replace` on a mapping or keyed list item replaces it instead of merging,
///   and as a lone list item `{$patch: replace}` replaces the list;
///   `$deleteFromPrimitiveList/<key>`, `$retainKeys` and `$setElementOrder/<key>` as in
///   Kubernetes.
///
/// Where this departs from apimachinery, it is to avoid a surprise: new keyed items are
/// appended (apimachinery puts them first unless `$setElementOrder` says otherwise); a
/// keyed item with `$patch: replace` replaces that item, not the list; values the patch
/// adds where the resource has nothing are merged into an empty value, so their nulls
/// and directives never reach the output; a mapping with `$patch: delete` is removed
/// rather than emptied. Under `$setElementOrder`, items only the resource has are placed
/// by the live list as it was (apimachinery reads it after rewriting it in place, which
/// two of its tests' expected orders depend on).
///
/// Every value the patch sets keeps the patch file's location; merged values keep the
/// resource's, so later findings point at the line that produced each value.
public struct StrategicMerge: Sendable {
  public let strategies: any MergeStrategyProvider

  public init(strategies: any MergeStrategyProvider) {
    self.strategies = strategies
  }

  /// Merges `patch` into `body`, asking for list strategies with the body's
  /// `apiVersion` and `kind`.
  /// - Returns: the patched body, or `nil` when the patch deletes the resource
  ///   (`$patch: delete` at its top); and the problems found in the patch, reported at
  ///   the patch's lines. Problems do not stop the merge: the rest of the patch applies.
  public func apply(_ patch: Node, to body: Node) -> (body: Node?, diagnostics: [Diagnostic]) {
    var merger = StrategicMerger(
      strategies: strategies, apiVersion: body["apiVersion"]?.string ?? "",
      kind: body["kind"]?.string ?? "")
    guard patch.isMapping else {
      return (
        body,
        [
          .input(
            "a merge patch must be a mapping, not \(patch.typeDescription)", at: patch.location)
        ]
      )
    }
    let result = merger.mergeMap(body, patch, path: [])
    return (result, merger.diagnostics)
  }
}
