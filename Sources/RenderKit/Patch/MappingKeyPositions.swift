/// Where each key sits in a mapping being merged: a dictionary for large mappings
/// (ConfigMap data, annotations) so merging stays linear, a scan for small ones. Keys
/// are compared by their bytes (`MappingKey`), as Kubernetes compares them.
struct MappingKeyPositions {
  private static let scanLimit = 16
  private var table: [MappingKey: Int]?
  private var keys: [String?]

  init(_ entries: [Node.Entry?]) {
    keys = entries.map { $0?.key }
    if keys.count > Self.scanLimit { buildTable() }
  }

  private mutating func buildTable() {
    var table: [MappingKey: Int] = [:]
    for (position, key) in keys.enumerated() {
      if let key, table[MappingKey(key)] == nil { table[MappingKey(key)] = position }
    }
    self.table = table
  }

  subscript(key: String) -> Int? {
    if let table { return table[MappingKey(key)] }
    return keys.firstIndex { $0?.hasSameBytes(as: key) == true }
  }

  mutating func add(_ key: String, at position: Int) {
    while keys.count < position { keys.append(nil) }
    keys.append(key)
    if table != nil {
      table?[MappingKey(key)] = position
    } else if keys.count > Self.scanLimit {
      // A patch that adds many keys to a small mapping must not scan for each of them.
      buildTable()
    }
  }

  mutating func remove(_ key: String) {
    if let position = self[key] { keys[position] = nil }
    table?[MappingKey(key)] = nil
  }
}
