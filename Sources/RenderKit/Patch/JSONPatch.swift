/// Applies RFC 6902 JSON patches to resource bodies.
///
/// A patch is applied all or nothing, as the RFC requires: the first operation that
/// fails stops it, its finding is reported at that operation, and the resource is left
/// as it was. Values an operation adds keep the patch file's locations; `move` and
/// `copy` keep the locations of the values they move or copy.
public enum JSONPatch {
  /// Applies `operations` in order to `document`.
  /// - Parameter resource: names the resource in messages, e.g. `Deployment/checkout`.
  public static func apply(
    _ operations: [JSONPatchOperation], to document: inout Node, resource: String
  ) -> [Diagnostic] {
    var patched = document
    var budget = ExpansionBudget()
    for operation in operations {
      do {
        // What an operation adds is charged, so `copy` onto its own parent, repeated,
        // stops at the budget instead of doubling the resource until memory runs out.
        if let added = try addedValue(operation, in: patched), !budget.charge(added) {
          return [
            .input(
              "json patch '\(operation.op.rawValue)' on \(resource) makes the resource grow past \(budget.description); refusing to apply it",
              at: operation.location)
          ]
        }
        try apply(operation, to: &patched)
      } catch {
        return [
          .input(
            "json patch '\(operation.op.rawValue)' failed on \(resource): \(error.message)",
            at: error.location ?? operation.location)
        ]
      }
    }
    document = patched
    return []
  }

  /// Why an operation failed; `location` is the `path` or `from` it concerns, when the
  /// failure is about one of them.
  struct Failure: Error {
    var message: String
    var location: SourceLocation?
  }

  /// The value `operation` puts into the document, if it adds one.
  private static func addedValue(
    _ operation: JSONPatchOperation, in document: Node
  ) throws(Failure) -> Node? {
    switch operation.op {
    case .add, .replace: operation.value
    case .copy: try find(source(of: operation), in: document)
    case .remove, .test, .move: nil
    }
  }

  static func apply(_ operation: JSONPatchOperation, to document: inout Node) throws(Failure) {
    let path = operation.path
    switch operation.op {
    case .add:
      try add(value(of: operation), at: path, to: &document)
    case .remove:
      try remove(at: path, from: &document)
    case .replace:
      let value = try value(of: operation)
      try modify(&document, at: path) { (target: inout Node) throws(Failure) in
        target = value
      }
    case .test:
      let expected = try value(of: operation)
      let actual = try find(path, in: document)
      guard actual == expected else {
        throw Failure(
          message:
            "expected '\(path.value)' to be \(expected.flowText()), found \(actual.flowText())",
          location: operation.value?.location)
      }
    case .copy:
      let from = try source(of: operation)
      try add(find(from, in: document), at: path, to: &document)
    case .move:
      let from = try source(of: operation)
      if path.value == from.value { return }
      guard !path.value.isWithin(from.value) else {
        throw Failure(
          message: "cannot move '\(from.value)' into itself ('\(path.value)')",
          location: path.location)
      }
      let moved = try find(from, in: document)
      try remove(at: from, from: &document)
      try add(moved, at: path, to: &document)
    }
  }

  // Parsing guarantees these are present; the checks keep a hand-built operation from
  // crashing.
  private static func value(of operation: JSONPatchOperation) throws(Failure) -> Node {
    guard let value = operation.value else {
      throw Failure(message: "the operation has no 'value'", location: operation.location)
    }
    return value
  }

  private static func source(
    of operation: JSONPatchOperation
  ) throws(Failure)
    -> Located<JSONPointer>
  {
    guard let from = operation.from else {
      throw Failure(message: "the operation has no 'from'", location: operation.location)
    }
    return from
  }

  // MARK: Operations on the parent of the last token

  private static func add(
    _ value: Node, at path: Located<JSONPointer>, to document: inout Node
  ) throws(Failure) {
    guard let last = path.value.tokens.last else {
      document = value
      return
    }
    try modifyParent(&document, of: path) { (parent: inout Node) throws(Failure) in
      switch parent.content {
      case .mapping:
        parent.set(last, to: value, keyLocation: path.location)
      case .sequence(var items):
        let index: Int
        if last == "-" {
          index = items.count
        } else if let number = JSONPointer.index(last), number <= items.count {
          index = number
        } else {
          throw indexFailure(last, count: items.count, inserting: true, path: path)
        }
        parent.content = .scalar(.null, .plain)  // release the array so the insert is in place
        items.insert(value, at: index)
        parent.content = .sequence(items)
      case .scalar(let scalar, _):
        throw Failure(
          message: "'\(parentText(path))' is \(scalar.typeDescription), not a mapping or list",
          location: path.location)
      }
    }
  }

  private static func remove(
    at path: Located<JSONPointer>, from document: inout Node
  )
    throws(Failure)
  {
    guard let last = path.value.tokens.last else {
      throw Failure(message: "cannot remove the whole resource", location: path.location)
    }
    try modifyParent(&document, of: path) { (parent: inout Node) throws(Failure) in
      if parent.isMapping {
        guard parent.removeValue(forKey: last) != nil else {
          throw missingKey(
            last, in: parent.mapping ?? [], depth: path.value.tokens.count - 1, path: path)
        }
        return
      }
      switch parent.content {
      case .mapping:
        break  // handled above, without holding a second reference to the entries
      case .sequence(var items):
        guard let index = JSONPointer.index(last), items.indices.contains(index) else {
          throw indexFailure(last, count: items.count, inserting: false, path: path)
        }
        parent.content = .scalar(.null, .plain)
        items.remove(at: index)
        parent.content = .sequence(items)
      case .scalar(let scalar, _):
        throw Failure(
          message: "'\(parentText(path))' is \(scalar.typeDescription), not a mapping or list",
          location: path.location)
      }
    }
  }

  // MARK: Following pointers

  /// The node `path` points at.
  static func find(_ path: Located<JSONPointer>, in document: Node) throws(Failure) -> Node {
    var node = document
    for (depth, token) in path.value.tokens.enumerated() {
      node = try child(of: node, token: token, depth: depth, path: path)
    }
    return node
  }

  private static func child(
    of node: Node, token: String, depth: Int, path: Located<JSONPointer>
  ) throws(Failure) -> Node {
    switch node.content {
    case .mapping(let entries):
      guard let entry = entries.first(where: { $0.key == token }) else {
        throw missingKey(token, in: entries, depth: depth, path: path)
      }
      return entry.value
    case .sequence(let items):
      guard let index = JSONPointer.index(token), items.indices.contains(index) else {
        throw indexFailure(token, count: items.count, inserting: false, path: path, depth: depth)
      }
      return items[index]
    case .scalar(let scalar, _):
      throw Failure(
        message:
          "'\(path.value)' not found: '\(text(path, depth))' is \(scalar.typeDescription), not a mapping or list",
        location: path.location)
    }
  }

  /// Runs `body` on the parent of the node `path` points at, in place.
  private static func modifyParent(
    _ document: inout Node, of path: Located<JSONPointer>,
    _ body: (inout Node) throws(Failure) -> Void
  ) throws(Failure) {
    let parentTokens = path.value.tokens.dropLast()
    try modify(&document, tokens: parentTokens, depth: 0, path: path, body)
  }

  /// Runs `body` on the node `path` points at, in place.
  private static func modify(
    _ document: inout Node, at path: Located<JSONPointer>,
    _ body: (inout Node) throws(Failure) -> Void
  ) throws(Failure) {
    try modify(&document, tokens: path.value.tokens[...], depth: 0, path: path, body)
  }

  /// Walks down `tokens`, mutating each level in place: the child's container is taken
  /// out of the node before the recursive call so the array is uniquely referenced and
  /// never copied.
  private static func modify(
    _ node: inout Node, tokens: ArraySlice<String>, depth: Int, path: Located<JSONPointer>,
    _ body: (inout Node) throws(Failure) -> Void
  ) throws(Failure) {
    guard let token = tokens.first else {
      try body(&node)
      return
    }
    switch node.content {
    case .mapping(var entries):
      guard let index = entries.firstIndex(where: { $0.key == token }) else {
        throw missingKey(token, in: entries, depth: depth, path: path)
      }
      node.content = .scalar(.null, .plain)
      defer { node.content = .mapping(entries) }
      try modify(
        &entries[index].value, tokens: tokens.dropFirst(), depth: depth + 1, path: path, body)
    case .sequence(var items):
      guard let index = JSONPointer.index(token), items.indices.contains(index) else {
        throw indexFailure(token, count: items.count, inserting: false, path: path, depth: depth)
      }
      node.content = .scalar(.null, .plain)
      defer { node.content = .sequence(items) }
      try modify(&items[index], tokens: tokens.dropFirst(), depth: depth + 1, path: path, body)
    case .scalar(let scalar, _):
      throw Failure(
        message:
          "'\(path.value)' not found: '\(text(path, depth))' is \(scalar.typeDescription), not a mapping or list",
        location: path.location)
    }
  }

  // MARK: Messages

  /// The pointer up to `depth` tokens, or "the resource" for the root.
  private static func text(_ path: Located<JSONPointer>, _ depth: Int) -> String {
    depth == 0 ? "the resource" : path.value.prefix(depth)
  }

  private static func parentText(_ path: Located<JSONPointer>) -> String {
    text(path, path.value.tokens.count - 1)
  }

  private static func missingKey(
    _ key: String, in entries: [Node.Entry], depth: Int, path: Located<JSONPointer>
  ) -> Failure {
    let parent = depth == 0 ? "the resource" : "'\(path.value.prefix(depth))'"
    let suggestion = Suggestion.didYouMean(key, in: entries.map(\.key))
    return Failure(
      message: "'\(path.value)' not found: \(parent) has no key '\(key)'\(suggestion)",
      location: path.location)
  }

  private static func indexFailure(
    _ token: String, count: Int, inserting: Bool, path: Located<JSONPointer>,
    depth: Int? = nil
  ) -> Failure {
    let depth = depth ?? path.value.tokens.count - 1
    let list = "'\(text(path, depth))' is a list of \(count) item\(count == 1 ? "" : "s")"
    let valid =
      inserting
      ? "an index from 0 to \(count) or '-' to append"
      : count == 0 ? "no index" : "an index from 0 to \(count - 1)"
    let problem: String
    if token == "-" {
      problem = "'-' (after the last item) only works with 'add'"
    } else if JSONPointer.index(token) == nil {
      problem = "'\(token)' is not a list index"
    } else {
      problem = "index \(token) is out of range"
    }
    let head = inserting ? "cannot add at '\(path.value)'" : "'\(path.value)' not found"
    return Failure(
      message: "\(head): \(list); \(problem) (valid: \(valid))",
      location: path.location)
  }
}
