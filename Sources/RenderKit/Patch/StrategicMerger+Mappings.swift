/// Mappings: key by key, with `$patch` on a mapping and the key directives applied.
extension StrategicMerger {
  mutating func mergeMap(_ original: Node?, _ patch: Node, path: [String]) -> Node? {
    let patchEntries = patch.mapping ?? []
    if let directive = patch.entry(StrategicMergeDirective.patch) {
      switch directive.value.string {
      case StrategicMergeDirective.delete:
        return nil
      case StrategicMergeDirective.replace:
        var replacement = patch
        replacement.removeValue(forKey: StrategicMergeDirective.patch)
        return mergeMap(nil, replacement, path: path)
      default:
        reportBadPatchValue(directive.value)
      }
    }

    // Sort the patch's keys by role first: deletions from primitive lists and
    // `$retainKeys` act on the original before fields merge, `$setElementOrder` after.
    var fields: [Node.Entry] = []
    var retainKeys: Node.Entry?
    var deletions: [(entry: Node.Entry, list: String)] = []
    var orders: [(entry: Node.Entry, list: String)] = []
    for entry in patchEntries {
      switch StrategicMergeKeyRole(entry.key) {
      case .field: fields.append(entry)
      case .patch: break
      case .retainKeys: retainKeys = entry
      case .deleteFromPrimitiveList(let list): deletions.append((entry, list))
      case .setElementOrder(let list): orders.append((entry, list))
      case .invalid(let message): report(message, at: entry.keyLocation)
      }
    }

    let originalEntries = original?.mapping
    let location = originalEntries == nil ? patch.location : original?.location ?? patch.location
    var entries: [Node.Entry?] = originalEntries ?? []
    if let retainKeys {
      applyRetainKeys(retainKeys, fields: fields, to: &entries)
    }
    var positions = MappingKeyPositions(entries)

    var listsBeforeMerge: [String: [Node]] = [:]
    for order in orders {
      if let index = positions[order.list], let items = entries[index]?.value.sequence {
        listsBeforeMerge[order.list] = items
      }
    }
    for deletion in deletions {
      deleteFromPrimitiveList(deletion.entry, list: deletion.list, in: &entries, positions)
    }

    for field in fields {
      let fieldPath = path + [field.key]
      if let index = positions[field.key], let existing = entries[index] {
        if let merged = merge(existing.value, field.value, path: fieldPath) {
          entries[index]?.value = merged
        } else {
          entries[index] = nil
          positions.remove(field.key)
        }
      } else if let added = merge(nil, field.value, path: fieldPath) {
        positions.add(field.key, at: entries.count)
        entries.append(Node.Entry(key: field.key, keyLocation: field.keyLocation, value: added))
      }
    }

    for order in orders {
      setElementOrder(
        order.entry, list: order.list, patch: patch, before: listsBeforeMerge[order.list] ?? [],
        in: &entries, positions, path: path)
    }
    return Node(.mapping(entries.compactMap { $0 }), at: location)
  }
}
