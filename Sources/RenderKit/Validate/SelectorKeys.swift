import YAML

/// The label keys an environment's selectors can name: every mapping key and string (and
/// every word of a string) inside a `selector`, a `matchLabels`, a `matchLabelKeys` or
/// `mismatchLabelKeys`, or a `…Selector` (`podSelector`, `namespaceSelector`,
/// `labelSelector`, `nodeSelector`, …) of any resource, so the
/// `key` of a `matchExpressions` item counts too. A superset: a label whose key is not
/// here is compared by no selector, so no rule that matches labels can tell its value
/// (`ServiceLocalDifference`; patch targets are checked on their own).
///
/// Containers, `metadata` and ConfigMap and Secret data are not searched: no Kubernetes
/// object writes a selector there and no rule looks for one there, and they are most of
/// the nodes of an environment (this runs over every resource of every build).
enum SelectorKeys {
  /// Keys whose values hold no selector, outside a selector.
  static let skipped: Set<String> = ServiceLocalDifference.containerLists.union([
    "metadata", "data", "binaryData", "stringData",
  ])

  static func collect(in resources: [Resource]) -> Set<String> {
    var keys: Set<String> = []
    for resource in resources { visit(resource.body, inSelector: false, into: &keys) }
    return keys
  }

  static func isSelector(_ key: String) -> Bool {
    // Every key of every resource comes here: the last byte rules out nearly all.
    switch key.utf8.last {
    case UInt8(ascii: "r"): key == "selector" || key.utf8.elementsEqualSuffix("Selector".utf8)
    case UInt8(ascii: "s"):
      key == "matchLabels" || key == "matchLabelKeys" || key == "mismatchLabelKeys"
    default: false
    }
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
      for index in entries.indices {
        if inSelector {
          keys.insert(entries[index].key)
          visit(entries[index].value, inSelector: true, into: &keys)
          continue
        }
        let key = entries[index].key
        if isSelector(key) {
          visit(entries[index].value, inSelector: true, into: &keys)
          continue
        }
        // Scalars outside a selector are most nodes: passed over at once.
        if case .scalar = entries[index].value.content { continue }
        if !skipped.contains(key) {
          visit(entries[index].value, inSelector: false, into: &keys)
        }
      }
    }
  }
}

extension String.UTF8View {
  /// Whether the view ends with `suffix`, byte for byte.
  fileprivate func elementsEqualSuffix(_ suffix: String.UTF8View) -> Bool {
    count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
  }
}
