/// JSON Merge Patch (RFC 7386) on located nodes: how layers of values combine.
///
/// Maps merge key by key, deeply; scalars and lists replace; an explicit `null` removes
/// the key. Every value in the result keeps the location of the layer that set it.
enum MergePatch {
  static func apply(_ patch: Node, to target: Node?) -> Node {
    guard let patchEntries = patch.mapping else { return patch }
    var entries = target?.mapping ?? []
    let location = target?.isMapping == true ? target?.location ?? patch.location : patch.location
    for entry in patchEntries {
      let index = entries.firstIndex { $0.key == entry.key }
      if entry.value.isNull {
        if let index { entries.remove(at: index) }
      } else if let index {
        entries[index].value = apply(entry.value, to: entries[index].value)
      } else {
        entries.append(
          Node.Entry(
            key: entry.key, keyLocation: entry.keyLocation, value: apply(entry.value, to: nil)))
      }
    }
    return Node(.mapping(entries), at: location)
  }
}
