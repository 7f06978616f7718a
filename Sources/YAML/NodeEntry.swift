extension Node {
  /// One key of a mapping. Keys are strings (Kubernetes and JSON allow nothing else);
  /// the key keeps its own location so "unknown key" findings point at it.
  public struct Entry: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: Node

    public init(key: String, keyLocation: SourceLocation, value: Node) {
      self.key = key
      self.keyLocation = keyLocation
      self.value = value
    }

    public init(_ key: String, _ value: Node) {
      self.init(key: key, keyLocation: value.location, value: value)
    }
  }
}
