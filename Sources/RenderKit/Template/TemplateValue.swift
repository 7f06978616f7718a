/// What an expression evaluates to: a value, or "undefined".
///
/// Undefined (a name, key or index that does not exist) is not an error by itself, so
/// `values.ingress.host ?? "none"`, `default` and `required` can test for it; every other
/// use turns it into an error that says what was missing and what exists instead.
enum TemplateValue: Sendable {
  case defined(Node)
  case undefined(UndefinedValue)

  /// The value, when it is defined and not null.
  var present: Node? {
    if case .defined(let node) = self, !node.isNull { return node }
    return nil
  }

  /// The value, or the error that explains why there is none.
  func required() throws(TemplateError) -> Node {
    switch self {
    case .defined(let node): return node
    case .undefined(let undefined): throw undefined.error
    }
  }
}
