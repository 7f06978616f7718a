/// A YAML node: a scalar, a sequence or a mapping, with the place it came from.
///
/// Every stage of render works on this tree: inputs are parsed into it, templates
/// substitute values into it (a substituted value keeps the location that set it), and
/// patches change it. `location` is therefore the answer to "which input line produced
/// this value?".
///
/// Equality compares values only, as JSON would (locations and scalar styles are
/// ignored; `1 == 1.0`); mapping key order matters for equality only through keys.
public struct Node: Sendable, CustomStringConvertible {
  public enum Content: Sendable {
    case scalar(Scalar, ScalarStyle)
    case sequence([Node])
    case mapping([Entry])
  }

  public var content: Content
  public var location: SourceLocation

  public init(_ content: Content, at location: SourceLocation) {
    self.content = content
    self.location = location
  }

  // MARK: Making nodes

  public static func scalar(
    _ value: Scalar, style: ScalarStyle = .plain, at location: SourceLocation = .generated
  ) -> Node {
    Node(.scalar(value, style), at: location)
  }

  public static func string(_ value: String, at location: SourceLocation = .generated) -> Node {
    Node(.scalar(.string(value), .plain), at: location)
  }

  public static func null(at location: SourceLocation = .generated) -> Node {
    Node(.scalar(.null, .plain), at: location)
  }

  public static func sequence(_ items: [Node], at location: SourceLocation = .generated) -> Node {
    Node(.sequence(items), at: location)
  }

  public static func mapping(_ entries: [Entry], at location: SourceLocation = .generated) -> Node {
    Node(.mapping(entries), at: location)
  }

  // MARK: Reading nodes

  public var scalar: Scalar? {
    if case .scalar(let value, _) = content { return value }
    return nil
  }

  public var style: ScalarStyle? {
    if case .scalar(_, let style) = content { return style }
    return nil
  }

  /// The string value, when the node is a string scalar.
  public var string: String? {
    if case .scalar(.string(let value), _) = content { return value }
    return nil
  }

  public var int: Int? {
    if case .scalar(.int(let value), _) = content { return value }
    return nil
  }

  public var bool: Bool? {
    if case .scalar(.bool(let value), _) = content { return value }
    return nil
  }

  public var isNull: Bool {
    if case .scalar(.null, _) = content { return true }
    return false
  }

  public var sequence: [Node]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [Entry]? {
    if case .mapping(let entries) = content { return entries }
    return nil
  }

  public var isMapping: Bool { mapping != nil }
  public var isSequence: Bool { sequence != nil }
  public var isScalar: Bool { scalar != nil }

  /// The value of `key` when this node is a mapping that has it.
  public subscript(key: String) -> Node? {
    // The hottest call of a build: no closure, no intermediate optional array, and keys
    // compared in place rather than each entry copied out (which unoptimized builds do).
    guard case .mapping(let entries) = content else { return nil }
    return entries.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return nil }
      var index = 0
      while index < buffer.count {
        if base[index].key.hasSameBytes(as: key) { return base[index].value }
        index += 1
      }
      return nil
    }
  }

  /// The entry of `key` (with the key's own location) when this node is a mapping.
  public func entry(_ key: String) -> Entry? {
    guard case .mapping(let entries) = content,
      let index = Self.index(of: key, in: entries)
    else { return nil }
    return entries[index]
  }

  /// The position of `key` in `entries`. A plain loop: `firstIndex(where:)` and the
  /// other generic algorithms are unspecialised, and slow, in debug builds (`swift run`).
  static func index(of key: String, in entries: [Entry]) -> Int? {
    var index = 0
    while index < entries.count {
      if entries[index].key.hasSameBytes(as: key) { return index }
      index += 1
    }
    return nil
  }

  /// The name of the node's type, for messages: "a mapping", "a string"...
  public var typeDescription: String {
    switch content {
    case .scalar(let value, _): value.typeDescription
    case .sequence: "a list"
    case .mapping: "a mapping"
    }
  }

  /// The node's type and, for a scalar, its value, as every message shows it:
  /// `a string ("45")`, `an integer (3)`, `a boolean (true)`, `null`, `a list`.
  public var valueDescription: String {
    switch scalar {
    case nil, .null?: typeDescription
    case .string(let text)?: "a string (\(JSONString.quotedShort(text)))"
    case let scalar?: "\(scalar.typeDescription) (\(scalar.canonicalText))"
    }
  }

  /// Follows a path of keys and indexes, from its `start`-th step on; `nil` when any
  /// step is missing.
  public func value(at path: [PathComponent], from start: Int = 0) -> Node? {
    var node = self
    var step = start
    while step < path.count {
      switch path[step] {
      case .key(let key):
        guard let next = node[key] else { return nil }
        node = next
      case .index(let index):
        guard case .sequence(let items) = node.content, index >= 0, index < items.count
        else { return nil }
        node = items[index]
      }
      step += 1
    }
    return node
  }

  // MARK: Changing nodes

  /// Sets `key` to `value`, keeping the key's position when it exists and appending it
  /// otherwise. Does nothing when the node is not a mapping.
  public mutating func set(
    _ key: String, to value: Node, keyLocation: SourceLocation? = nil
  ) {
    guard case .mapping(var entries) = content else { return }
    content = .scalar(.null, .plain)  // release the array so the edit below is in place
    if let index = Self.index(of: key, in: entries) {
      entries[index].value = value
    } else {
      entries.append(Entry(key: key, keyLocation: keyLocation ?? value.location, value: value))
    }
    content = .mapping(entries)
  }

  /// Removes `key` and returns its value. Does nothing when the node is not a mapping.
  @discardableResult
  public mutating func removeValue(forKey key: String) -> Node? {
    guard case .mapping(var entries) = content,
      let index = Self.index(of: key, in: entries)
    else { return nil }
    content = .scalar(.null, .plain)
    let removed = entries.remove(at: index)
    content = .mapping(entries)
    return removed.value
  }

  /// Applies `body` to the value at `key`, creating it with `makeDefault` when missing.
  /// Does nothing when the node is not a mapping.
  public mutating func update(
    _ key: String, default makeDefault: @autoclosure () -> Node, _ body: (inout Node) -> Void
  ) {
    guard case .mapping(var entries) = content else { return }
    content = .scalar(.null, .plain)
    if let index = Self.index(of: key, in: entries) {
      body(&entries[index].value)
    } else {
      var value = makeDefault()
      body(&value)
      entries.append(Entry(key: key, keyLocation: value.location, value: value))
    }
    content = .mapping(entries)
  }

  public var description: String { YAMLEmitter.emit(self) }
}

extension Node: Equatable {
  public static func == (lhs: Node, rhs: Node) -> Bool {
    switch (lhs.content, rhs.content) {
    case (.scalar(let a, _), .scalar(let b, _)):
      return a.isSameValue(as: b)
    case (.sequence(let a), .sequence(let b)):
      return a == b
    case (.mapping(let a), .mapping(let b)):
      guard a.count == b.count else { return false }
      // Keys usually come in the same order: compare in place, and index the other side
      // only when they do not (a linear search per key is quadratic on large mappings).
      var index = 0
      while index < a.count && a[index].key.hasSameBytes(as: b[index].key) { index += 1 }
      if index == a.count {
        index = 0
        while index < a.count {
          guard a[index].value == b[index].value else { return false }
          index += 1
        }
        return true
      }
      var others: [MappingKey: Int] = [:]
      for (index, entry) in b.enumerated() { others[MappingKey(entry.key)] = index }
      for entry in a {
        guard let index = others[MappingKey(entry.key)], b[index].value == entry.value
        else { return false }
      }
      return true
    default:
      return false
    }
  }
}
