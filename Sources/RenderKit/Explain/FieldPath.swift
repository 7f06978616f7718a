/// A path into a manifest as users type it: `spec.template.spec.containers[0].image`,
/// `metadata.labels["app.kubernetes.io/name"]`, `spec.template.spec.containers[name=app].image`.
public struct FieldPath: Sendable, CustomStringConvertible {
  public enum Step: Sendable, Equatable {
    case key(String)
    case index(Int)
    /// The list item whose `key` is `value` (`containers[name=app]`).
    case match(key: String, value: String)
  }

  public var steps: [Step]
  public let description: String

  /// Parses the text, or says what is wrong with it.
  public static func parse(_ text: String) -> Result<FieldPath, FieldPathError> {
    var steps: [Step] = []
    var characters = Substring(text)
    var expectKey = true
    while let first = characters.first {
      if first == "." {
        characters = characters.dropFirst()
        expectKey = true
        continue
      }
      if first == "[" {
        guard let close = characters.firstIndex(of: "]") else {
          return .failure(FieldPathError("unclosed '[' in '\(text)'"))
        }
        let inside = characters[characters.index(after: characters.startIndex)..<close]
        characters = characters[characters.index(after: close)...]
        if let number = Int(inside), number >= 0 {
          steps.append(.index(number))
        } else if inside.count >= 2, inside.first == "\"", inside.last == "\"" {
          steps.append(.key(String(inside.dropFirst().dropLast())))
        } else if let equals = inside.firstIndex(of: "=") {
          steps.append(
            .match(
              key: String(inside[..<equals]), value: String(inside[inside.index(after: equals)...]))
          )
        } else {
          return .failure(
            FieldPathError("'[\(inside)]' in '\(text)' is not an index, a quoted key or key=value"))
        }
        expectKey = false
        continue
      }
      guard expectKey else {
        return .failure(FieldPathError("expected '.' or '[' in '\(text)' before '\(characters)'"))
      }
      let end = characters.firstIndex { $0 == "." || $0 == "[" } ?? characters.endIndex
      steps.append(.key(String(characters[..<end])))
      characters = characters[end...]
      expectKey = false
    }
    guard !steps.isEmpty else { return .failure(FieldPathError("empty field path")) }
    return .success(FieldPath(steps: steps, description: text))
  }

  /// Follows the path in `node`: the concrete path and the node, or how far it got.
  public func resolve(in node: Node) -> (path: [PathComponent], node: Node?) {
    var current = node
    var path: [PathComponent] = []
    for step in steps {
      switch step {
      case .key(let key):
        guard let next = current[key] else { return (path + [.key(key)], nil) }
        path.append(.key(key))
        current = next
      case .index(let index):
        guard let items = current.sequence, items.indices.contains(index) else {
          return (path + [.index(index)], nil)
        }
        path.append(.index(index))
        current = items[index]
      case .match(let key, let value):
        guard let items = current.sequence,
          let index = items.firstIndex(where: { $0[key]?.scalar?.canonicalText == value })
        else { return (path, nil) }
        path.append(.index(index))
        current = items[index]
      }
    }
    return (path, current)
  }
}
