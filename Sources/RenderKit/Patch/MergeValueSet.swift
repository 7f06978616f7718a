/// A set of values: hashed for scalars, compared one by one for the rare mapping or
/// list item.
struct MergeValueSet {
  private var scalars: Set<ScalarMergeKey> = []
  private var others: [Node] = []

  init<S: Sequence>(_ nodes: S) where S.Element == Node {
    for node in nodes { insert(node) }
  }

  /// Inserts `node`; returns whether it was new.
  @discardableResult
  mutating func insert(_ node: Node) -> Bool {
    if let key = ScalarMergeKey(node) { return scalars.insert(key).inserted }
    if others.contains(node) { return false }
    others.append(node)
    return true
  }

  func contains(_ node: Node) -> Bool {
    if let key = ScalarMergeKey(node) { return scalars.contains(key) }
    return others.contains(node)
  }
}
