/// The entries of a mapping being rendered, where setting an existing key replaces its
/// value in place (the first occurrence keeps its position, as in a JavaScript spread).
struct MappingBuilder {
  private(set) var entries: [Node.Entry] = []
  /// Keys by their bytes (`MappingKey`), as Kubernetes compares them.
  private var positions: [MappingKey: Int] = [:]

  func contains(_ key: String) -> Bool { positions[MappingKey(key)] != nil }

  mutating func set(_ entry: Node.Entry) {
    if let index = positions[MappingKey(entry.key)] {
      entries[index] = entry
    } else {
      positions[MappingKey(entry.key)] = entries.count
      entries.append(entry)
    }
  }
}
