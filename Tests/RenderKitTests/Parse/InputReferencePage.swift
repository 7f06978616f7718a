import Foundation
import TestSupport

@testable import RenderKit

/// docs/reference.md as the tests read it: per section, the example files (fenced
/// `yaml` blocks headed `# file: PATH`) and the documented keys (the first column of the
/// tables, as paths such as `argocd.environments.<env>.project` or `external[].kind`).
struct InputReferencePage {
  /// One component of a documented key path.
  enum Step: Hashable, CustomStringConvertible {
    /// A fixed key.
    case key(String)
    /// `name[]`: the key, then the first item of its list.
    case items(String)
    /// `<name>`: an entry whose key the user chooses (the examples' first one).
    case chosen(String)

    init(_ text: Substring) {
      if text.hasPrefix("<") && text.hasSuffix(">") {
        self = .chosen(String(text.dropFirst().dropLast()))
      } else if text.hasSuffix("[]") {
        self = .items(String(text.dropLast(2)))
      } else {
        self = .key(String(text))
      }
    }

    var description: String {
      switch self {
      case .key(let key): key
      case .items(let key): key + "[]"
      case .chosen(let name): "<\(name)>"
      }
    }
  }

  struct Example {
    var path: String
    var text: String
  }

  struct Section {
    var title: String
    var examples: [Example] = []
    var keys: [[Step]] = []
  }

  static let path = PackageRoot.path + "/docs/reference.md"

  var sections: [Section] = []

  static func load() throws -> InputReferencePage {
    InputReferencePage(text: try String(contentsOfFile: path, encoding: .utf8))
  }

  init(text: String) {
    var current: Section?
    var block: [Substring]?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if var lines = block {
        if line == "```" {
          if let first = lines.first, first.hasPrefix("# file: ") {
            current?.examples.append(
              Example(
                path: String(first.dropFirst("# file: ".count)),
                text: lines.dropFirst().joined(separator: "\n") + "\n"))
          }
          block = nil
        } else {
          lines.append(line)
          block = lines
        }
        continue
      }
      if line.hasPrefix("```yaml") {
        block = []
      } else if line.hasPrefix("## ") {
        if let current { sections.append(current) }
        current = Section(title: String(line.dropFirst(3)))
      } else if line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") {
        let key = line[line.index(line.startIndex, offsetBy: 3)..<end]
        current?.keys.append(key.split(separator: ".").map(Step.init))
      }
    }
    if let current { sections.append(current) }
  }

  /// A step into a concrete document.
  enum Place: Hashable {
    case key(String)
    case index(Int)
  }

  /// Every place in `node` that `steps` describes: each item of a list, each entry of a
  /// chosen name.
  static func places(of steps: [Step], in node: Node) -> [[Place]] {
    guard let step = steps.first else { return [[]] }
    let rest = Array(steps.dropFirst())
    var starts: [([Place], Node)] = []
    switch step {
    case .key(let key):
      if let next = node[key] { starts = [([.key(key)], next)] }
    case .items(let key):
      for (index, item) in (node[key]?.sequence ?? []).enumerated() {
        starts.append(([.key(key), .index(index)], item))
      }
    case .chosen:
      starts = (node.mapping ?? []).map { ([.key($0.key)], $0.value) }
    }
    return starts.flatMap { prefix, next in places(of: rest, in: next).map { prefix + $0 } }
  }

  /// The node at `place` in `node`.
  static func node(at place: [Place], in node: Node) -> Node? {
    guard let step = place.first else { return node }
    let next: Node?
    switch step {
    case .key(let key): next = node[key]
    case .index(let index):
      next = node.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
    }
    return next.flatMap { self.node(at: Array(place.dropFirst()), in: $0) }
  }

  /// `node` with `keys` added, each with a null value, to the mapping at `place`.
  static func adding(_ keys: [String], at place: [Place], in node: Node) -> Node {
    let rest = Array(place.dropFirst())
    switch place.first {
    case nil:
      guard var entries = node.mapping else { return node }
      for key in keys {
        entries.append(Node.Entry(key: key, keyLocation: .generated, value: .null()))
      }
      return Node.mapping(entries, at: node.location)
    case .key(let key)?:
      guard var entries = node.mapping, let position = entries.firstIndex(where: { $0.key == key })
      else { return node }
      entries[position].value = adding(keys, at: rest, in: entries[position].value)
      return Node.mapping(entries, at: node.location)
    case .index(let index)?:
      guard var items = node.sequence, items.indices.contains(index) else { return node }
      items[index] = adding(keys, at: rest, in: items[index])
      return Node.sequence(items, at: node.location)
    }
  }
}
