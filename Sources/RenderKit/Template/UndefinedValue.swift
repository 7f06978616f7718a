/// Why a value is undefined, with what is needed to explain it.
///
/// The message (and its did-you-mean, which costs an edit-distance search) is built only
/// when the value is actually used: `values.optional ?? "x"` on a missing key is a
/// common, cheap path.
enum UndefinedValue: Sendable {
  /// A top-level name that is not in scope.
  case name(String, scope: TemplateScope)
  /// `path` reads `key` of the mapping `container`, which lacks it.
  case missingKey(path: TemplateExpression, base: TemplateExpression, key: String, container: Node)
  /// `path` reads an index past the end of a list of `count` items.
  case outOfRange(path: TemplateExpression, count: Int)
  /// `path` reads a member of `base`, which is null.
  case memberOfNull(path: TemplateExpression, base: TemplateExpression)

  var error: TemplateError {
    switch self {
    case .name(let name, let scope):
      let names = scope.sortedNames
      let suggestion = Suggestion.didYouMean(name, in: names)
      return TemplateError(
        "'\(name)' is not defined\(suggestion)",
        help: suggestion.isEmpty
          ? "names in scope: \(names.map { "'\($0)'" }.joined(separator: ", "))" : nil)
    case .missingKey(let path, let base, let key, let container):
      let keys = container.mapping?.map(\.key) ?? []
      if let near = Suggestion.nearest(to: key, in: keys) {
        let suggestion = TemplateExpression.member(base, near)
        return TemplateError("'\(path)' is not defined; did you mean '\(suggestion)'?")
      }
      return TemplateError(
        "'\(path)' is not defined",
        help: "write '\(path) ?? <default>' if it is optional")
    case .outOfRange(let path, let count):
      return TemplateError(
        "'\(path)' is not defined: the list has \(count) item\(count == 1 ? "" : "s")")
    case .memberOfNull(let path, let base):
      return TemplateError(
        "'\(path)' is not defined: '\(base)' is null",
        help: "write '\(path) ?? <default>' if it is optional")
    }
  }
}
