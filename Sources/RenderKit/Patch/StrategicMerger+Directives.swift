/// The directives of apimachinery that edit a mapping's keys or a list's items.
extension StrategicMerger {
  /// `$retainKeys`: keys of the original missing from the list are cleared, and the
  /// patch may only set keys the list names.
  mutating func applyRetainKeys(
    _ directive: Node.Entry, fields: [Node.Entry], to entries: inout [Node.Entry?]
  ) {
    guard let items = directive.value.sequence, items.allSatisfy({ $0.string != nil }) else {
      report(
        "'\(StrategicMergeDirective.retainKeys)' must be a list of key names, not \(directive.value.typeDescription)",
        at: directive.value.location)
      return
    }
    let keep = Set(items.compactMap(\.string).map(MappingKey.init))
    for field in fields where !field.value.isNull && !keep.contains(MappingKey(field.key)) {
      report(
        "'\(field.key)' is set by the patch but missing from '\(StrategicMergeDirective.retainKeys)'",
        at: field.keyLocation, help: "add '\(field.key)' to '\(StrategicMergeDirective.retainKeys)'"
      )
    }
    entries = entries.filter { entry in entry.map { keep.contains(MappingKey($0.key)) } ?? false }
  }

  /// `$deleteFromPrimitiveList/<list>`: removes the listed values from the original list.
  mutating func deleteFromPrimitiveList(
    _ directive: Node.Entry, list: String, in entries: inout [Node.Entry?],
    _ positions: MappingKeyPositions
  ) {
    guard let values = directive.value.sequence else {
      report(
        "'\(directive.key)' must be a list of the values to delete, not \(directive.value.typeDescription)",
        at: directive.value.location)
      return
    }
    // A null list is no list, as in apimachinery: nothing to delete from.
    guard let index = positions[list], let current = entries[index]?.value, !current.isNull
    else { return }
    guard let items = current.sequence else {
      report(
        "'\(directive.key)' deletes from the list '\(list)', but '\(list)' is \(current.typeDescription)",
        at: directive.keyLocation,
        help:
          "'\(StrategicMergeDirective.deleteFromPrimitiveList)' works only on lists of strings or numbers"
      )
      return
    }
    let doomed = MergeValueSet(values)
    entries[index]?.value = Node(
      .sequence(items.filter { !doomed.contains($0) }), at: current.location)
  }

  /// `$setElementOrder/<list>`: the merged list takes the order the directive gives;
  /// items it does not name keep their place relative to the original list
  /// (apimachinery's `normalizeElementOrder`).
  mutating func setElementOrder(
    _ directive: Node.Entry, list: String, patch: Node, before: [Node],
    in entries: inout [Node.Entry?], _ positions: MappingKeyPositions, path: [String]
  ) {
    guard let order = directive.value.sequence else {
      report(
        "'\(directive.key)' must be a list, not \(directive.value.typeDescription)",
        at: directive.value.location)
      return
    }
    let listPath = path + [list]
    let keyOf: (Node) -> ScalarMergeKey?
    let orderKeyOf: (Node) -> ScalarMergeKey?
    let expected: String
    switch strategy(listPath) {
    case .replace:
      report(
        "'\(directive.key)' orders a list that merges, but \(kindName) replaces '\(display(listPath))' with the patch's list",
        at: directive.keyLocation,
        help: "write the list in the order you want and drop the directive")
      return
    case .mergePrimitives:
      keyOf = { ScalarMergeKey($0) }
      orderKeyOf = keyOf
      expected = "values"
    case .mergeByKey(let mergeKey):
      keyOf = { ScalarMergeKey($0[mergeKey]) }
      // apimachinery writes `{name: x}`; a bare `x` is accepted too.
      orderKeyOf = { $0.isMapping ? ScalarMergeKey($0[mergeKey]) : ScalarMergeKey($0) }
      expected = "'{\(mergeKey): …}' mappings"
    }

    var orderPosition: [ScalarMergeKey: Int] = [:]
    for item in order {
      guard let key = orderKeyOf(item) else {
        report("items of '\(directive.key)' must be \(expected)", at: item.location)
        continue
      }
      if orderPosition[key] == nil { orderPosition[key] = orderPosition.count }
    }

    // The patch's own list must agree with the order it declares.
    var last = -1
    for item in patch[list]?.sequence ?? [] where item[StrategicMergeDirective.patch] == nil {
      guard let key = keyOf(item) else { continue }  // reported by the merge
      guard let position = orderPosition[key] else {
        report(
          "\(key) is in the patch's '\(list)' but not in '\(directive.key)'", at: item.location)
        continue
      }
      if position < last {
        report(
          "the patch's '\(list)' lists \(key) in a different order from '\(directive.key)'",
          at: item.location)
      }
      last = max(last, position)
    }

    guard let index = positions[list], let current = entries[index]?.value,
      let merged = current.sequence
    else { return }
    var serverPosition: [ScalarMergeKey: Int] = [:]
    for (position, item) in before.enumerated() {
      if let key = keyOf(item), serverPosition[key] == nil { serverPosition[key] = position }
    }
    var ordered: [(position: Int, offset: Int, item: Node)] = []
    var serverOnly: [Node] = []
    for (offset, item) in merged.enumerated() {
      if let key = keyOf(item), let position = orderPosition[key] {
        ordered.append((position, offset, item))
      } else {
        serverOnly.append(item)
      }
    }
    ordered.sort { ($0.position, $0.offset) < ($1.position, $1.offset) }

    // Interleave: a server-only item goes before an ordered one only when both were in
    // the original list and it came first there.
    func originalPosition(_ item: Node) -> Int? { keyOf(item).flatMap { serverPosition[$0] } }
    var result: [Node] = []
    result.reserveCapacity(merged.count)
    var server = 0
    var next = 0
    while server < serverOnly.count || next < ordered.count {
      if next == ordered.count {
        result.append(serverOnly[server])
        server += 1
      } else if server < serverOnly.count,
        let left = originalPosition(serverOnly[server]),
        let right = originalPosition(ordered[next].item), left < right
      {
        result.append(serverOnly[server])
        server += 1
      } else {
        result.append(ordered[next].item)
        next += 1
      }
    }
    entries[index]?.value = Node(.sequence(result), at: current.location)
  }
}
