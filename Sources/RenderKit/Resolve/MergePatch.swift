/// JSON Merge Patch (RFC 7386) on located nodes: how layers of values combine.
///
/// Maps merge key by key, deeply; scalars and lists replace; an explicit `null` removes
/// the key. Every value in the result keeps the location of the layer that set it.
///
/// With the template's parameter schema, a list declared with `mergeKey: name` merges by
/// that field instead, as a Kubernetes strategic merge patch merges `env` by name: an item
/// whose key is already in the list merges into it in place, a new one appends, an item
/// with `$patch: delete` removes its match, and an item `{$patch: replace}` drops what
/// earlier layers gave.
enum MergePatch {
  static func apply(_ patch: Node, to target: Node?, schema: ParameterSchema? = nil) -> Node {
    if let key = schema?.mergeKey, let items = patch.sequence {
      return mergeList(items, into: target, key: key, itemSchema: schema?.items, at: patch.location)
    }
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
      // Index loops here: closures and iterators are generic, and slow, in debug builds.
      var index = 0
      while index < entries.count {
        if let entry = entries[index], entry.key.hasSameBytes(as: key) { return index }
        index += 1
      }
      return nil
    }
    var next = 0
    while next < patchEntries.count {
      let entry = patchEntries[next]
      next += 1
      let index = position(of: entry.key)
      if entry.value.isNull {
        if let index {
          entries[index] = nil
          positions?[MappingKey(entry.key)] = nil
        }
      } else if let index, let existing = entries[index] {
        entries[index]?.value = apply(
          entry.value, to: existing.value, schema: schema?.child(entry.key))
      } else {
        positions?[MappingKey(entry.key)] = entries.count
        entries.append(
          Node.Entry(
            key: entry.key, keyLocation: entry.keyLocation,
            value: apply(entry.value, to: nil, schema: schema?.child(entry.key))))
      }
    }
    var merged: [Node.Entry] = []
    merged.reserveCapacity(entries.count)
    var index = 0
    while index < entries.count {
      if let entry = entries[index] { merged.append(entry) }
      index += 1
    }
    return Node(.mapping(merged), at: location)
  }

  /// A layer's list of named items merged into the list earlier layers gave.
  private static func mergeList(
    _ items: [Node], into target: Node?, key: String, itemSchema: ParameterSchema?,
    at location: SourceLocation
  ) -> Node {
    var result = target?.sequence ?? []
    let resultLocation = target?.isSequence == true ? target?.location ?? location : location
    func name(of item: Node) -> String? { item[key]?.scalar.map(\.canonicalText) }
    for item in items {
      if let entries = item.mapping, entries.count == 1, entries[0].key == "$patch",
        entries[0].value.string == "replace"
      {
        result = []
        continue
      }
      guard let itemName = name(of: item) else {
        result.append(apply(item, to: nil, schema: itemSchema))
        continue
      }
      let index = result.firstIndex { name(of: $0) == itemName }
      if item["$patch"]?.string == "delete" {
        if let index { result.remove(at: index) }
        continue
      }
      if let index {
        result[index] = apply(item, to: result[index], schema: itemSchema)
      } else {
        result.append(apply(item, to: nil, schema: itemSchema))
      }
    }
    return Node(.sequence(result), at: resultLocation)
  }
}
