/// Where one node on a key path lies in the source text, in UTF-8 byte offsets: what
/// `YAMLScalarLocator` finds and `YAMLTextEditor` splices at.
struct YAMLNodeSpan: Sendable {
  enum Kind: Sendable {
    /// `hasProperties`: the scalar carries an anchor or a tag, which its span includes.
    case scalar(value: String, style: ScalarStyle, hasProperties: Bool)
    case mapping(isFlow: Bool)
    case sequence
    case alias
  }

  /// The key that leads to a node, as written.
  struct Key: Sendable {
    var start: Int
    var end: Int
    /// 0-based column of the key, in characters: the indentation of its entry.
    var column: Int
  }

  var kind: Kind
  /// From the first byte of the node (its anchor or tag included) to the byte after it.
  /// A block collection ends at its last content, not at the next token.
  var start: Int
  var end: Int
  /// Whether the node sits inside a flow collection, where `,[]{}` end a plain scalar.
  var inFlow: Bool
  /// The key of the entry that holds it; `nil` for a document's root.
  var key: Key?
  /// Mappings: the byte after the last entry's value (after `{` when there is none).
  var contentEnd: Int = 0
  /// Mappings: the column of its keys, and how many entries it has.
  var entryColumn: Int?
  var entryCount = 0

  /// An empty plain scalar (`key:` with nothing after it): libyaml places it at the
  /// colon in block context and at the next token in flow context.
  var isEmptyScalar: Bool {
    if case .scalar(let value, .plain, false) = kind { return value.isEmpty && start == end }
    return false
  }

  /// A plain null scalar: `~`, `null`, or nothing.
  var isNull: Bool {
    if case .scalar(let value, .plain, _) = kind { return CoreSchema.resolvePlain(value) == .null }
    return false
  }
}

extension YAMLNodeSpan.Kind: CustomStringConvertible {
  /// For messages: "a mapping", "an alias".
  var description: String {
    switch self {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
