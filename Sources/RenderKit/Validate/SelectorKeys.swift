import YAML

/// The label keys an environment's selectors can name: every mapping key and string (and
/// every word of a string) inside a `selector`, a `matchLabels` or a `…Selector` (`podSelector`,
/// `namespaceSelector`, `labelSelector`, `nodeSelector`, …) of any resource, so the
/// `key` of a `matchExpressions` item counts too. A superset: a label whose key is not
/// here is compared by no selector, so no rule or patch target that matches labels can
/// tell its value (`ServiceLocalDifference`).
enum SelectorKeys {
  static func collect(in resources: [Resource]) -> Set<String> {
    var keys: Set<String> = []
    for resource in resources { visit(resource.body, inSelector: false, into: &keys) }
    return keys
  }

  static func isSelector(_ key: String) -> Bool {
    key == "selector" || key == "matchLabels" || key.hasSuffix("Selector")
  }

  /// What a label key is made of: letters, digits, `-`, `_`, `.` and `/`.
  private static func isKeyCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || "-_./".contains(character)
  }

  private static func visit(_ node: Node, inSelector: Bool, into keys: inout Set<String>) {
    switch node.content {
    case .scalar:
      // A selector written as a string (`app=web,tier in (a,b)`): every word of it.
      if inSelector, let text = node.string {
        keys.insert(text)
        for word in text.split(whereSeparator: { !isKeyCharacter($0) }) {
          keys.insert(String(word))
        }
      }
    case .sequence(let items):
      for item in items { visit(item, inSelector: inSelector, into: &keys) }
    case .mapping(let entries):
      for entry in entries {
        if inSelector { keys.insert(entry.key) }
        let selects = inSelector || isSelector(entry.key)
        if selects || !entry.value.isScalar {
          visit(entry.value, inSelector: selects, into: &keys)
        }
      }
    }
  }
}
