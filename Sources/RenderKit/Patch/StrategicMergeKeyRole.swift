/// What a key of a patch mapping is.
enum StrategicMergeKeyRole {
  case field
  case patch
  case retainKeys
  case setElementOrder(String)
  case deleteFromPrimitiveList(String)
  /// A misspelt or malformed directive; the message says which.
  case invalid(String)

  init(_ key: String) {
    guard key.hasPrefix("$") else {
      self = .field
      return
    }
    let head = key.prefix { $0 != "/" }
    let rest = key.dropFirst(head.count)
    switch (head, rest.isEmpty) {
    case (StrategicMergeDirective.patch, true): self = .patch
    case (StrategicMergeDirective.retainKeys, true): self = .retainKeys
    case (StrategicMergeDirective.setElementOrder, false) where rest.count > 1:
      self = .setElementOrder(String(rest.dropFirst()))
    case (StrategicMergeDirective.deleteFromPrimitiveList, false) where rest.count > 1:
      self = .deleteFromPrimitiveList(String(rest.dropFirst()))
    case (StrategicMergeDirective.setElementOrder, _),
      (StrategicMergeDirective.deleteFromPrimitiveList, _):
      self = .invalid("'\(head)' needs the list's key after a slash: '\(head)/<key>'")
    case (StrategicMergeDirective.patch, _), (StrategicMergeDirective.retainKeys, _):
      self = .invalid("'\(key)' is not a directive; did you mean '\(head)'?")
    default:
      // Other `$` keys are ordinary fields (CRD schemas have `$ref` and `$schema`),
      // unless they look like a misspelt directive.
      if let near = Suggestion.nearest(to: String(head), in: StrategicMergeDirective.all) {
        self = .invalid("'\(key)' is not a directive; did you mean '\(near)'?")
      } else {
        self = .field
      }
    }
  }
}
