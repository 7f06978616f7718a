/// Reads the keys of one mapping in an input file, collecting findings instead of
/// throwing.
///
/// Every accessor records the key it was asked for; `finish()` then reports each key
/// nobody asked for as unknown, with a did-you-mean drawn from the keys that were asked
/// for. The list of allowed keys is therefore the code that reads them, never a second
/// list to keep in sync.
public struct FieldReader {
  public let node: Node
  /// What the mapping is, for messages: "service.yaml", "a patch target".
  public let subject: String
  public private(set) var diagnostics: [Diagnostic] = []
  private var known: Set<String> = []

  /// - Parameter node: must be a mapping; anything else is reported (a null node reads as
  ///   an empty mapping, so an empty file or `key:` with no value is fine).
  public init(_ node: Node, subject: String) {
    self.subject = subject
    if node.isNull {
      self.node = Node(.mapping([]), at: node.location)
    } else {
      self.node = node
      if !node.isMapping {
        diagnostics.append(
          .input("\(subject) must be a mapping, not \(node.typeDescription)", at: node.location))
      }
    }
  }

  /// The raw value of `key`, of any type; `nil` when absent. Marks the key as known.
  public mutating func value(_ key: String) -> Node? {
    known.insert(key)
    return node[key]
  }

  /// The entry of `key` with the key's own location.
  public mutating func entry(_ key: String) -> Node.Entry? {
    known.insert(key)
    return node.entry(key)
  }

  /// Reports a missing required key at the mapping.
  public mutating func require(_ key: String, help: String? = nil) {
    known.insert(key)
    if node.isMapping && node[key] == nil {
      diagnostics.append(.input("\(subject) is missing '\(key)'", at: node.location, help: help))
    }
  }

  public mutating func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  public mutating func report(_ found: [Diagnostic]) {
    diagnostics += found
  }

  public mutating func string(_ key: String) -> Located<String>? {
    guard let value = value(key), !value.isNull else { return nil }
    if let text = value.string { return Located(text, at: value.location) }
    wrongType(key, value, expected: "a string", quoteHint: value.isScalar)
    return nil
  }

  public mutating func bool(_ key: String) -> Located<Bool>? {
    guard let value = value(key), !value.isNull else { return nil }
    if let flag = value.bool { return Located(flag, at: value.location) }
    wrongType(key, value, expected: "true or false", quoteHint: false)
    return nil
  }

  public mutating func int(_ key: String) -> Located<Int>? {
    guard let value = value(key), !value.isNull else { return nil }
    if let number = value.int { return Located(number, at: value.location) }
    wrongType(key, value, expected: "an integer", quoteHint: false)
    return nil
  }

  /// A mapping value (`nil` when absent or null).
  public mutating func mapping(_ key: String) -> Node? {
    guard let value = value(key), !value.isNull else { return nil }
    if value.isMapping { return value }
    wrongType(key, value, expected: "a mapping", quoteHint: false)
    return nil
  }

  /// A sequence value (`nil` when absent or null).
  public mutating func sequence(_ key: String) -> [Node]? {
    guard let value = value(key), !value.isNull else { return nil }
    if let items = value.sequence { return items }
    wrongType(key, value, expected: "a list", quoteHint: false)
    return nil
  }

  /// A mapping whose values must all be strings (labels, vars); keeps the mapping node so
  /// every entry keeps its location. A null value is allowed: these mappings merge as JSON
  /// Merge Patches, where `key: null` removes a key an earlier layer set.
  public mutating func stringMapping(_ key: String) -> Node? {
    guard let map = mapping(key) else { return nil }
    var valid = true
    for entry in map.mapping ?? [] where entry.value.string == nil && !entry.value.isNull {
      valid = false
      diagnostics.append(
        .input(
          "'\(key).\(entry.key)' in \(subject) must be a string, not \(entry.value.typeDescription)",
          at: entry.value.location,
          help: entry.value.isScalar
            ? "quote the value: \"\(entry.value.scalar?.canonicalText ?? "")\"" : nil))
    }
    return valid ? map : nil
  }

  /// A list of strings.
  public mutating func stringList(_ key: String) -> [Located<String>]? {
    guard let items = sequence(key) else { return nil }
    var result: [Located<String>] = []
    for item in items {
      if let text = item.string {
        result.append(Located(text, at: item.location))
      } else {
        diagnostics.append(
          .input(
            "items of '\(key)' in \(subject) must be strings, not \(item.typeDescription)",
            at: item.location))
      }
    }
    return result
  }

  private mutating func wrongType(_ key: String, _ value: Node, expected: String, quoteHint: Bool) {
    if case .scalar(.string(let text), .plain) = value.content,
      let reading = YAML11Reading.of(plain: text)
    {
      diagnostics.append(
        .input(
          "'\(key)' in \(subject) must be \(expected): \(reading.message)", at: value.location,
          help: reading.help))
      return
    }
    diagnostics.append(
      .input(
        "'\(key)' in \(subject) must be \(expected), not \(value.valueDescription)",
        at: value.location,
        help: quoteHint ? "quote the value to make it a string" : nil))
  }

  /// Reports every key that no accessor asked for, and returns all findings.
  public mutating func finish() -> [Diagnostic] {
    let candidates = known.sorted()
    for entry in node.mapping ?? [] where !known.contains(entry.key) {
      diagnostics.append(
        .input(
          "unknown key '\(entry.key)' in \(subject)\(Suggestion.didYouMean(entry.key, in: candidates))",
          at: entry.keyLocation))
    }
    return diagnostics
  }
}
