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

  public init(maxDepth: Int = 200, maxNodes: Int = 2_000_000) {
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
  }

  public static let `default` = ParseLimits()
}
