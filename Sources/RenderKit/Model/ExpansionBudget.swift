/// How much a stage may add to a document by copying values: the nodes and bytes of
/// every value a template substitutes or a patch adds, counted at each use.
///
/// The parser bounds what one file expands to through aliases (`ParseLimits`), but a
/// value within those bounds can still be used many times: `${ values.args }` in ten
/// places, `toJson` of it, a JSON patch `copy` onto its own parent repeated twenty
/// times. Each use is charged here with the same limits, so the growth stops with a
/// located error instead of a 2 GB allocation.
struct ExpansionBudget {
  let maxNodes: Int
  let maxBytes: Int
  private(set) var nodes = 0
  private(set) var bytes = 0

  init(limits: ParseLimits = .default) {
    maxNodes = limits.maxNodes
    maxBytes = limits.maxBytes
  }

  var isExceeded: Bool { nodes > maxNodes || bytes > maxBytes }

  /// Charges every node and byte of `node`; `false` once the budget is exceeded (the
  /// walk stops there, so a huge value costs no more than the budget to measure).
  mutating func charge(_ node: Node) -> Bool {
    guard !isExceeded else { return false }
    var pending: [Node] = [node]
    while let next = pending.popLast() {
      nodes += 1
      switch next.content {
      case .scalar(.string(let text), _):
        bytes += text.utf8.count
      case .scalar:
        bytes += 8
      case .sequence(let items):
        pending.append(contentsOf: items)
      case .mapping(let entries):
        // An index loop: iterators are generic, and slow, in debug builds.
        var index = 0
        while index < entries.count {
          let entry = entries[index]
          bytes += entry.key.utf8.count
          pending.append(entry.value)
          index += 1
        }
      }
      if isExceeded { return false }
    }
    return true
  }

  /// Charges `count` bytes of text; `false` once the budget is exceeded.
  mutating func charge(bytes count: Int) -> Bool {
    guard !isExceeded else { return false }
    bytes += count
    return !isExceeded
  }

  /// The limits, for messages: "2000000 nodes or 64 MB".
  var description: String {
    let size =
      maxBytes >= 1_048_576 && maxBytes % 1_048_576 == 0
      ? "\(maxBytes / 1_048_576) MB" : "\(maxBytes) bytes"
    return "\(maxNodes) nodes or \(size)"
  }
}
