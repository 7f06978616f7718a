/// One step of a path into a node tree: a mapping key or a sequence index.
public enum PathComponent: Hashable, Sendable, CustomStringConvertible {
  case key(String)
  case index(Int)

  public var description: String {
    switch self {
    case .key(let key): key
    case .index(let index): "[\(index)]"
    }
  }
}

extension Array where Element == PathComponent {
  /// The path as users write it: `spec.template.spec.containers[0].image`; keys that are
  /// not simple identifiers are bracketed: `metadata.labels["app.kubernetes.io/name"]`.
  public var dottedPath: String {
    var text = ""
    for component in self {
      switch component {
      case .index(let index):
        text += "[\(index)]"
      case .key(let key):
        let simple =
          !key.isEmpty
          && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
              || $0 == "_" || $0 == "-" || $0 == "$"
          }
        if simple {
          text += text.isEmpty ? key : "." + key
        } else {
          text += "[\"\(key)\"]"
        }
      }
    }
    return text
  }
}
