/// One requirement of a label selector as a manifest writes it: an entry of a Service's
/// `spec.selector` or of `matchLabels`, or an item of `matchExpressions`, with the path of
/// the node to point at when nothing matches it.
struct SelectorTerm: Sendable {
  var requirement: LabelSelector.Requirement
  /// The `matchLabels` or `spec.selector` value, or the `matchExpressions` item.
  var path: [PathComponent]
  /// As `kubectl -l` writes it: `app=web`, `tier in (a, b)`, `tier notin (a)`, `tier`,
  /// `!tier`.
  var text: String

  var key: String {
    switch requirement {
    case .equals(let key, _), .notEquals(let key, _), .isIn(let key, _), .notIn(let key, _),
      .exists(let key), .doesNotExist(let key):
      key
    }
  }

  /// Whether the term needs a label to be present (`=`, `in`, exists), so an index of
  /// labels can find its candidates.
  var isPositive: Bool {
    switch requirement {
    case .equals, .isIn, .exists: true
    case .notEquals, .notIn, .doesNotExist: false
    }
  }

  /// The terms of an equality-based selector (a Service's `spec.selector`): every entry
  /// must be carried as written. `nil` when the node is not a mapping.
  static func equality(_ node: Node, at path: [PathComponent]) -> [SelectorTerm]? {
    guard let entries = node.mapping else { return nil }
    return entries.map { entry in
      let value = labelValue(entry.value)
      return SelectorTerm(
        requirement: .equals(entry.key, value), path: path + [.key(entry.key)],
        text: "\(entry.key)=\(value)")
    }
  }

  /// The terms of a `LabelSelector` (`matchLabels` and `matchExpressions`). Expressions
  /// with an unknown operator are left to the schema check. `nil` when the node is not a
  /// mapping.
  static func labelSelector(_ node: Node, at path: [PathComponent]) -> [SelectorTerm]? {
    guard node.isMapping else { return nil }
    var terms: [SelectorTerm] = []
    if let matchLabels = node["matchLabels"] {
      terms += equality(matchLabels, at: path + [.key("matchLabels")]) ?? []
    }
    for (index, expression) in (node["matchExpressions"]?.sequence ?? []).enumerated() {
      guard let key = expression["key"]?.string, let operation = expression["operator"]?.string
      else { continue }
      let values = (expression["values"]?.sequence ?? []).map(labelValue)
      let list = "(\(values.joined(separator: ", ")))"
      let requirement: LabelSelector.Requirement
      let text: String
      switch operation {
      case "In":
        requirement = .isIn(key, Set(values))
        text = "\(key) in \(list)"
      case "NotIn":
        requirement = .notIn(key, Set(values))
        text = "\(key) notin \(list)"
      case "Exists":
        requirement = .exists(key)
        text = key
      case "DoesNotExist":
        requirement = .doesNotExist(key)
        text = "!\(key)"
      default:
        continue
      }
      terms.append(
        SelectorTerm(
          requirement: requirement, path: path + [.key("matchExpressions"), .index(index)],
          text: text))
    }
    return terms
  }

  /// Label values are strings; a number or boolean a template produced is compared by
  /// its text (the schema check reports the type).
  static func labelValue(_ node: Node) -> String {
    node.scalar?.canonicalText ?? ""
  }

  /// The terms joined as one selector: `app=web, tier in (a, b)`.
  static func text(of terms: [SelectorTerm]) -> String {
    terms.map(\.text).joined(separator: ", ")
  }
}
