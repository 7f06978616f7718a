/// Lists: by the strategy the schema gives (merge by key, primitive set, replace).
extension StrategicMerger {
  mutating func mergeList(_ original: Node?, _ patch: Node, path: [String]) -> Node {
    let base = original?.sequence
    let location = base == nil ? patch.location : original?.location ?? patch.location
    var replaceAll = false
    var items: [Node] = []
    for item in patch.sequence ?? [] {
      if let entries = item.mapping, entries.count == 1,
        entries[0].key == StrategicMergeDirective.patch,
        entries[0].value.string == StrategicMergeDirective.replace
      {
        replaceAll = true
      } else {
        items.append(item)
      }
    }

    switch strategy(path) {
    case .replace:
      return Node(
        .sequence(withoutDirectiveItems(items, path: path, advice: replaceAdvice(path))),
        at: patch.location)
    case .mergePrimitives:
      let advice =
        "'\(display(path))' is a list of values; delete values with '\(StrategicMergeDirective.deleteFromPrimitiveList)/\(path.last ?? "<key>")'"
      let values = withoutDirectiveItems(items, path: path, advice: advice)
      guard let base, !replaceAll else {
        return Node(.sequence(values), at: patch.location)
      }
      var seen = MergeValueSet(base)
      var union = base
      for value in values where seen.insert(value) { union.append(value) }
      return Node(.sequence(union), at: location)
    case .mergeByKey(let mergeKey):
      if replaceAll {
        return Node(.sequence(replacementItems(items, path: path)), at: patch.location)
      }
      return Node(
        .sequence(mergeKeyed(base ?? [], items, mergeKey: mergeKey, path: path)), at: location)
    }
  }

  func replaceAdvice(_ path: [String]) -> String {
    "\(kindName) has no merge key for '\(display(path))', so the patch's list replaces it; write the whole list"
  }

  /// The items of a list without a merge key, with `$patch` items reported and dropped.
  mutating func withoutDirectiveItems(_ items: [Node], path: [String], advice: String) -> [Node] {
    var kept: [Node] = []
    for item in items {
      if let directive = item.entry(StrategicMergeDirective.patch) {
        report(
          "'\(StrategicMergeDirective.patch)' cannot apply to an item of '\(display(path))'",
          at: directive.keyLocation,
          help: advice)
      } else {
        kept.append(item)
      }
    }
    return kept
  }

  /// The items of a keyed list replaced by `{$patch: replace}`: deletions have nothing
  /// left to delete, item-level replaces are plain items.
  mutating func replacementItems(_ items: [Node], path: [String]) -> [Node] {
    var result: [Node] = []
    for item in items {
      var item = item
      if let directive = item.entry(StrategicMergeDirective.patch) {
        switch directive.value.string {
        case StrategicMergeDirective.delete: continue
        case StrategicMergeDirective.replace:
          item.removeValue(forKey: StrategicMergeDirective.patch)
        default:
          reportBadPatchValue(directive.value)
          continue
        }
      }
      if let value = merge(nil, item, path: path) { result.append(value) }
    }
    return result
  }

  /// Merges `items` into `base` by `mergeKey`. Original items are indexed by key, so a
  /// patch of m items on a list of n costs O(n + m).
  mutating func mergeKeyed(
    _ base: [Node], _ items: [Node], mergeKey: String, path: [String]
  ) -> [Node] {
    var result: [Node?] = base
    var index: [ScalarMergeKey: [Int]] = [:]
    for (position, item) in base.enumerated() {
      if let key = ScalarMergeKey(item[mergeKey]) { index[key, default: []].append(position) }
    }
    for item in items {
      guard item.isMapping else {
        report(
          "\(kindName) merges '\(display(path))' by '\(mergeKey)', so its items must be mappings, not \(item.typeDescription)",
          at: item.location)
        continue
      }
      let directive = item.entry(StrategicMergeDirective.patch)
      if let directive, directive.value.string != StrategicMergeDirective.delete,
        directive.value.string != StrategicMergeDirective.replace
      {
        reportBadPatchValue(directive.value)
        continue
      }
      guard let keyNode = item[mergeKey] else {
        let purpose =
          directive?.value.string == StrategicMergeDirective.delete
          ? "to say which item to delete" : "to say which item it changes"
        report(
          "this item of '\(display(path))' needs '\(mergeKey)' \(purpose): \(kindName) merges that list by '\(mergeKey)'",
          at: item.location)
        continue
      }
      guard let key = ScalarMergeKey(keyNode) else {
        report(
          "'\(mergeKey)' must be a scalar to merge '\(display(path))' by it, not \(keyNode.typeDescription)",
          at: keyNode.location)
        continue
      }
      var patchItem = item
      if let directive {
        switch directive.value.string {
        case StrategicMergeDirective.delete:
          for position in index[key] ?? [] { result[position] = nil }
          index[key] = nil
          continue
        default:  // replace; other values were reported above
          patchItem.removeValue(forKey: StrategicMergeDirective.patch)
          guard let replacement = mergeMap(nil, patchItem, path: path) else { continue }
          if let position = index[key]?.first {
            result[position] = replacement
          } else {
            index[key] = [result.count]
            result.append(replacement)
          }
          continue
        }
      }
      if let position = index[key]?.first, let existing = result[position] {
        // The merge key only says which item to change: the item keeps its own, and
        // its location.
        patchItem.removeValue(forKey: mergeKey)
        result[position] = mergeMap(existing, patchItem, path: path) ?? existing
      } else if let added = mergeMap(nil, patchItem, path: path) {
        index[key] = [result.count]
        result.append(added)
      }
    }
    return result.compactMap { $0 }
  }
}
