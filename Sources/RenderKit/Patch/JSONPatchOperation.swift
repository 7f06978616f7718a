/// One RFC 6902 operation of a `json:` patch, validated when it was read.
public struct JSONPatchOperation: Sendable {
  public enum Op: String, Sendable, CaseIterable {
    case add, remove, replace, move, copy, test

    /// Whether the operation takes a `value`.
    var needsValue: Bool { self == .add || self == .replace || self == .test }
    /// Whether the operation takes a `from`.
    var needsFrom: Bool { self == .move || self == .copy }
  }

  public var op: Op
  public var path: Located<JSONPointer>
  /// The source of `move` and `copy`.
  public var from: Located<JSONPointer>?
  /// The value of `add`, `replace` and `test`; its nodes keep the patch file's locations.
  public var value: Node?
  /// The operation's mapping in the patch file.
  public var location: SourceLocation

  public init(
    op: Op, path: Located<JSONPointer>, from: Located<JSONPointer>? = nil, value: Node? = nil,
    location: SourceLocation
  ) {
    self.op = op
    self.path = path
    self.from = from
    self.value = value
    self.location = location
  }
}
