/// Checks that many kinds share: names, labels, selectors, ports, numbers.
extension APIServerObject {
  /// Reports each reason `syntax` gives for the string at `path` (nothing when it is
  /// missing or not a string: the schema reports that).
  mutating func checkSyntax(
    _ path: [PathComponent], _ syntax: (String) -> [String], help: String
  ) {
    checkSyntax(value(at: path), syntax, at: path, help: help)
  }

  /// The same for a value already at hand; the path is only made for a finding (these
  /// checks run on every field of every rendered resource).
  mutating func checkSyntax(
    _ node: Node?, _ syntax: (String) -> [String], at path: @autoclosure () -> [PathComponent],
    help: String
  ) {
    guard let node, let text = node.string else { return }
    let reasons = syntax(text)
    if reasons.isEmpty { return }
    let path = path()
    for reason in reasons { invalid(path, node, reason, help: help) }
  }

  /// The `name` of a list item (a volume, a port) at `path`: a DNS-1123 label, unique
  /// among the `names` seen so far.
  mutating func checkItemName(
    _ name: Node, _ text: String, at path: [PathComponent], names: inout Set<String>,
    syntaxHelp: String, duplicateHelp: String
  ) {
    checkSyntax(name, KubernetesSyntax.dns1123Label, at: path, help: syntaxHelp)
    if !names.insert(text).inserted {
      duplicate(path, name, help: duplicateHelp)
    }
  }

  /// A string field that must be one of `values`.
  mutating func checkEnum(_ path: [PathComponent], _ values: [String], help: String? = nil) {
    checkEnum(value(at: path), values, at: path, help: help)
  }

  mutating func checkEnum(
    _ node: Node?, _ values: [String], at path: @autoclosure () -> [PathComponent],
    help: String? = nil
  ) {
    guard let node, let text = node.string, !values.contains(text) else { return }
    unsupported(path(), node, supported: values, help: help)
  }

  /// An integer that must be at least `minimum`.
  mutating func checkMinimum(_ path: [PathComponent], _ minimum: Int, help: String) {
    checkMinimum(value(at: path), minimum, at: path, help: help)
  }

  mutating func checkMinimum(
    _ node: Node?, _ minimum: Int, at path: @autoclosure () -> [PathComponent], help: String
  ) {
    guard let node, let number = node.int, number < minimum else { return }
    invalid(path(), node, "must be greater than or equal to \(minimum)", help: help)
  }

  /// A port number: 1 to 65535.
  mutating func checkPortNumber(_ path: [PathComponent], help: String) {
    checkPortNumber(value(at: path), at: path, help: help)
  }

  mutating func checkPortNumber(
    _ node: Node?, at path: @autoclosure () -> [PathComponent], help: String
  ) {
    guard let node, let number = node.int, !(1...65535).contains(number) else { return }
    invalid(path(), node, KubernetesSyntax.portRangeMessage, help: help)
  }

  /// An int-or-string port: a number from 1 to 65535 or an IANA port name.
  mutating func checkNumberOrPortName(_ path: [PathComponent], help: String) {
    checkNumberOrPortName(value(at: path), at: path, help: help)
  }

  mutating func checkNumberOrPortName(
    _ node: Node?, at path: @autoclosure () -> [PathComponent], help: String
  ) {
    guard let node else { return }
    if node.int != nil {
      checkPortNumber(node, at: path(), help: help)
    } else if node.string != nil {
      checkSyntax(node, KubernetesSyntax.portName, at: path(), help: help)
    }
  }

  /// `metadata.labels`-shaped maps: qualified-name keys and label values.
  mutating func checkLabels(_ path: [PathComponent]) {
    checkLabels(value(at: path), at: path)
  }

  mutating func checkLabels(_ node: Node?, at path: @autoclosure () -> [PathComponent]) {
    guard let labels = node?.mapping else { return }
    // An index loop, and no closure: every label of every resource passes here, and
    // iterators and `Optional.map` are generic, and slow, in debug builds.
    var index = 0
    while index < labels.count {
      let entry = labels[index]
      index += 1
      let keyReasons = KubernetesSyntax.qualifiedName(entry.key)
      var valueReasons: [String] = []
      if let value = entry.value.string { valueReasons = KubernetesSyntax.labelValue(value) }
      if keyReasons.isEmpty && valueReasons.isEmpty { continue }
      let keyPath = path() + [.key(entry.key)]
      for reason in keyReasons {
        report(
          keyPath, "Invalid value: \"\(entry.key)\": \(reason)",
          help:
            "label keys are an optional DNS subdomain prefix and '/', then a name of at most 63 letters, digits, '-', '_' or '.'"
        )
      }
      for reason in valueReasons {
        invalid(
          keyPath, entry.value, reason,
          help:
            "label values are at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit; put free text in an annotation"
        )
      }
    }
  }

  /// A `LabelSelector`: its labels, its expressions' operators and values.
  mutating func checkLabelSelector(_ path: [PathComponent]) {
    guard let selector = value(at: path) else { return }
    checkLabelSelector(selector, at: path)
  }

  /// The same for a selector already at hand.
  mutating func checkLabelSelector(_ selector: Node, at path: [PathComponent]) {
    checkLabels(field(selector, "matchLabels"), at: path + [.key("matchLabels")])
    guard let expressions = field(selector, "matchExpressions")?.sequence else { return }
    for (index, expression) in expressions.enumerated() {
      let here = path + [.key("matchExpressions"), .index(index)]
      if let key = expression["key"]?.string {
        for reason in KubernetesSyntax.qualifiedName(key) {
          invalid(
            here + [.key("key")], expression["key"] ?? .null(), reason,
            help: "use a valid label key")
        }
      }
      guard let op = expression["operator"]?.string else { continue }
      let values = expression["values"]?.sequence ?? []
      switch op {
      case "In", "NotIn":
        if values.isEmpty {
          required(
            here + [.key("values")], "must be specified when `operator` is 'In' or 'NotIn'",
            help: "list the label values to match")
        }
      case "Exists", "DoesNotExist":
        if !values.isEmpty {
          forbidden(
            here + [.key("values")],
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            help: "remove values, or use the operator In")
        }
      default:
        unsupported(
          here + [.key("operator")], expression["operator"] ?? .null(),
          supported: KubernetesEnums.selectorOperator)
      }
    }
  }

  /// Whether `labels` satisfy the selector at `path` (matchLabels and matchExpressions).
  func selector(_ selector: Node, matches labels: [String: String]) -> Bool {
    for entry in selector["matchLabels"]?.mapping ?? [] {
      guard let wanted = entry.value.string ?? entry.value.scalar?.canonicalText,
        labels[entry.key] == wanted
      else { return false }
    }
    for expression in selector["matchExpressions"]?.sequence ?? [] {
      guard let key = expression["key"]?.string else { continue }
      let values = Set((expression["values"]?.sequence ?? []).compactMap { $0.string })
      switch expression["operator"]?.string {
      case "In": if !(labels[key].map(values.contains) ?? false) { return false }
      case "NotIn": if labels[key].map(values.contains) ?? false { return false }
      case "Exists": if labels[key] == nil { return false }
      case "DoesNotExist": if labels[key] != nil { return false }
      default: continue
      }
    }
    return true
  }

  /// Whether the selector at `path` selects nothing at all (no labels, no expressions).
  func isEmptySelector(_ selector: Node) -> Bool {
    (selector["matchLabels"]?.mapping ?? []).isEmpty
      && (selector["matchExpressions"]?.sequence ?? []).isEmpty
  }

  /// An int-or-percent field (`maxUnavailable`, `minAvailable`): a non-negative number,
  /// or a percentage of at most 100 when `atMostHundred`.
  mutating func checkIntOrPercent(_ path: [PathComponent], atMostHundred: Bool, help: String) {
    guard let node = value(at: path) else { return }
    if let number = node.int {
      if number < 0 { invalid(path, node, "must be greater than or equal to 0", help: help) }
    } else if let text = node.string {
      guard let percent = KubernetesSyntax.percent(text) else {
        invalid(
          path, node,
          "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
          help: help)
        return
      }
      if atMostHundred && percent > 100 {
        invalid(path, node, "must not be greater than 100%", help: help)
      }
    }
  }

  /// Entries of a string map as a dictionary (non-string values are the schema's
  /// business).
  func stringMap(_ node: Node?) -> [String: String] {
    var result: [String: String] = [:]
    for entry in node?.mapping ?? [] {
      if let text = entry.value.string ?? entry.value.scalar?.canonicalText {
        result[entry.key] = text
      }
    }
    return result
  }
}
