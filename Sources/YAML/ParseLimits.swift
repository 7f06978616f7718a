/// Bounds that keep hostile input from exhausting the stack or memory.
///
/// libyaml itself has no nesting limit (200,000 `[` give 200,000 events) and expands
/// nothing, so both limits are enforced while the tree is built.
public struct ParseLimits: Sendable {
  /// Deepest nesting of sequences and mappings.
  public var maxDepth: Int
  /// Most nodes one file may expand to, counting every alias as a copy of its anchor:
  /// a "billion laughs" document fails once it passes this, in bounded memory.
  public var maxNodes: Int
  /// Most bytes of keys and scalars one document may expand to, counted the same way: a
  /// 10 KB string aliased 100,000 times stays under `maxNodes` but is 1 GB of text. A
  /// Kubernetes object is at most about 1.5 MB (the etcd limit), so this is generous.
  public var maxBytes: Int

  public init(maxDepth: Int = 200, maxNodes: Int = 2_000_000, maxBytes: Int = 64 << 20) {
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxBytes = maxBytes
  }

  public static let `default` = ParseLimits()
}
