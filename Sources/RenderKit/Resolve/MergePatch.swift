/// JSON Merge Patch (RFC 7386) on located nodes: how layers of values combine.
///
/// Maps merge key by key, deeply; scalars and lists replace; an explicit `null` removes
/// the key. Every value in the result keeps the location of the layer that set it.
enum MergePatch {
  static func apply(_ patch: Node, to target: Node?) -> Node {
    guard let patchEntries = patch.mapping else { return patch }
    var entries: [Node.Entry?] = target?.mapping ?? []
    let location = target?.isMapping == true ? target?.location ?? patch.location : patch.location
    // Keys by their bytes (`MappingKey`): a dictionary once the mappings are large, so a
    // layer with 100,000 keys merges in linear time; a scan for the usual few keys.
    var positions: [MappingKey: Int]?
    func position(of key: String) -> Int? {
      if positions == nil && entries.count + patchEntries.count > 32 {
        var table: [MappingKey: Int] = [:]
        for (index, entry) in entries.enumerated() {
          if let entry { table[MappingKey(entry.key)] = index }
        }
        positions = table
      }
      if let positions { return positions[MappingKey(key)] }
      return entries.firstIndex { $0?.key.hasSameBytes(as: key) == true }
    }
    for entry in patchEntries {
      let index = position(of: entry.key)
      if entry.value.isNull {
        if let index {
          entries[index] = nil
          positions?[MappingKey(entry.key)] = nil
        }
      } else if let index, let existing = entries[index] {
        entries[index]?.value = apply(entry.value, to: existing.value)
      } else {
        positions?[MappingKey(entry.key)] = entries.count
        entries.append(
          Node.Entry(
            key: entry.key, keyLocation: entry.keyLocation, value: apply(entry.value, to: nil)))
      }
    }
    return Node(.mapping(entries.compactMap { $0 }), at: location)
  }
}
