extension Node {
  /// Whether two nodes are written the same, whatever their locations: the same scalars
  /// (`2` is not `2.0`, and `"on"` is not `on`: the style counts, since a YAML 1.1 reader
  /// and render's warnings tell them apart), the same items in the same order, and the
  /// same keys in the same order. Stricter than `==`, which compares values (a mapping's
  /// keys in any order, `2` equal to `2.0`): for deciding that an edit changed nothing a
  /// compile could see, where the order of keys reaches the output (merged values keep
  /// it).
  public func isIdentical(to other: Node) -> Bool {
    switch (content, other.content) {
    case (.scalar(let a, let aStyle), .scalar(let b, let bStyle)):
      return a == b && aStyle == bStyle
    case (.sequence(let a), .sequence(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
    case (.mapping(let a), .mapping(let b)):
      return a.count == b.count
        && zip(a, b).allSatisfy { first, second in
          first.key.hasSameBytes(as: second.key) && first.value.isIdentical(to: second.value)
        }
    default:
      return false
    }
  }
}
