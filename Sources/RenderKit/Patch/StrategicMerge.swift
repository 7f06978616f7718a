/// Applies Kubernetes strategic merge patches (`merge:` patches) to resource bodies.
///
/// The semantics follow apimachinery's `strategicpatch` package, on located `Node`
/// trees:
/// - Mappings merge key by key, recursively; `null` removes a key. Keys the patch adds
///   are appended in the patch's order; existing keys keep their place.
/// - Lists ask the `MergeStrategyProvider`: `mergeByKey(k)` merges the items whose `k`
///   matches and appends the others; `mergePrimitives` is a set union keeping the
///   original order; `replace` takes the patch's list.
/// - Directives: `$patch: delete` on a mapping removes it (at the top of a patch, the
///   whole resource) and on a keyed list item removes the items with that key;
///   `$patch: replace` on a mapping or keyed list item replaces it instead of merging,
///   and as a lone list item `{$patch: replace}` replaces the list;
///   `$deleteFromPrimitiveList/<key>`, `$retainKeys` and `$setElementOrder/<key>` as in
///   Kubernetes.
///
/// Where this departs from apimachinery, it is to avoid a surprise: new keyed items are
/// appended (apimachinery puts them first unless `$setElementOrder` says otherwise); a
/// keyed item with `$patch: replace` replaces that item, not the list; values the patch
/// adds where the resource has nothing are merged into an empty value, so their nulls
/// and directives never reach the output; a mapping with `$patch: delete` is removed
/// rather than emptied.
///
/// Every value the patch sets keeps the patch file's location; merged values keep the
/// resource's, so later findings point at the line that produced each value.
public struct StrategicMerge: Sendable {
  public let strategies: any MergeStrategyProvider

  public init(strategies: any MergeStrategyProvider) {
    self.strategies = strategies
  }

  /// Merges `patch` into `body`, asking for list strategies with the body's
  /// `apiVersion` and `kind`.
  /// - Returns: the patched body, or `nil` when the patch deletes the resource
  ///   (`$patch: delete` at its top); and the problems found in the patch, reported at
  ///   the patch's lines. Problems do not stop the merge: the rest of the patch applies.
  public func apply(_ patch: Node, to body: Node) -> (body: Node?, diagnostics: [Diagnostic]) {
    var merger = Merger(
      strategies: strategies, apiVersion: body["apiVersion"]?.string ?? "",
      kind: body["kind"]?.string ?? "")
    guard patch.isMapping else {
      return (
        body,
        [
          .input(
            "a merge patch must be a mapping, not \(patch.typeDescription)", at: patch.location)
        ]
      )
    }
    let result = merger.mergeMap(body, patch, path: [])
    return (result, merger.diagnostics)
  }
}

/// The names apimachinery gives its directives.
private enum Directive {
  static let patch = "$patch"
  static let retainKeys = "$retainKeys"
  static let setElementOrder = "$setElementOrder"
  static let deleteFromPrimitiveList = "$deleteFromPrimitiveList"
  static let all = [patch, retainKeys, setElementOrder, deleteFromPrimitiveList]
  static let delete = "delete"
  static let replace = "replace"
}

/// What a key of a patch mapping is.
private enum KeyRole {
  case field
  case patch
  case retainKeys
  case setElementOrder(String)
  case deleteFromPrimitiveList(String)
  /// A misspelt or malformed directive; the message says which.
  case invalid(String)

  init(_ key: String) {
    guard key.hasPrefix("$") else {
      self = .field
      return
    }
    let head = key.prefix { $0 != "/" }
    let rest = key.dropFirst(head.count)
    switch (head, rest.isEmpty) {
    case (Directive.patch, true): self = .patch
    case (Directive.retainKeys, true): self = .retainKeys
    case (Directive.setElementOrder, false) where rest.count > 1:
      self = .setElementOrder(String(rest.dropFirst()))
    case (Directive.deleteFromPrimitiveList, false) where rest.count > 1:
      self = .deleteFromPrimitiveList(String(rest.dropFirst()))
    case (Directive.setElementOrder, _), (Directive.deleteFromPrimitiveList, _):
      self = .invalid("'\(head)' needs the list's key after a slash: '\(head)/<key>'")
    case (Directive.patch, _), (Directive.retainKeys, _):
      self = .invalid("'\(key)' is not a directive; did you mean '\(head)'?")
    default:
      // Other `$` keys are ordinary fields (CRD schemas have `$ref` and `$schema`),
      // unless they look like a misspelt directive.
      if let near = Suggestion.nearest(to: String(head), in: Directive.all) {
        self = .invalid("'\(key)' is not a directive; did you mean '\(near)'?")
      } else {
        self = .field
      }
    }
  }
}

/// A scalar as a lookup key for merge keys and primitive lists: integral floats become
/// integers, so `8080` and `8080.0` are the same port, as in JSON.
private struct ScalarKey: Hashable, CustomStringConvertible {
  let scalar: Scalar

  init?(_ node: Node?) {
    guard var scalar = node?.scalar else { return nil }
    if case .float(let value) = scalar, value.rounded() == value,
      value >= -9_007_199_254_740_992, value <= 9_007_199_254_740_992
    {
      scalar = .int(Int(value))
    }
    self.scalar = scalar
  }

  var description: String { "'\(scalar.canonicalText)'" }
}

/// A set of values: hashed for scalars, compared one by one for the rare mapping or
/// list item.
private struct ValueSet {
  private var scalars: Set<ScalarKey> = []
  private var others: [Node] = []

  init<S: Sequence>(_ nodes: S) where S.Element == Node {
    for node in nodes { insert(node) }
  }

  /// Inserts `node`; returns whether it was new.
  @discardableResult
  mutating func insert(_ node: Node) -> Bool {
    if let key = ScalarKey(node) { return scalars.insert(key).inserted }
    if others.contains(node) { return false }
    others.append(node)
    return true
  }

  func contains(_ node: Node) -> Bool {
    if let key = ScalarKey(node) { return scalars.contains(key) }
    return others.contains(node)
  }
}

/// One merge of one patch into one body; collects findings as it goes.
private struct Merger {
  let strategies: any MergeStrategyProvider
  let apiVersion: String
  let kind: String
  var diagnostics: [Diagnostic] = []

  init(strategies: any MergeStrategyProvider, apiVersion: String, kind: String) {
    self.strategies = strategies
    self.apiVersion = apiVersion
    self.kind = kind
  }

  mutating func report(_ message: String, at location: SourceLocation, help: String? = nil) {
    diagnostics.append(.input(message, at: location, help: help))
  }

  func strategy(_ path: [String]) -> ListMergeStrategy {
    strategies.listStrategy(apiVersion: apiVersion, kind: kind, path: path)
  }

  func display(_ path: [String]) -> String {
    path.map(PathComponent.key).dottedPath
  }

  /// The kind, for messages about its list strategies: "Deployment".
  var kindName: String { kind.isEmpty ? "this resource" : kind }

  // MARK: Values

  /// Merges `patch` into `original` (`nil` when the resource has nothing there).
  /// Returns `nil` when the value is to be removed.
  mutating func merge(_ original: Node?, _ patch: Node, path: [String]) -> Node? {
    switch patch.content {
    case .mapping: mergeMap(original, patch, path: path)
    case .sequence: mergeList(original, patch, path: path)
    case .scalar(.null, _): nil
    case .scalar: patch
    }
  }

  // MARK: Mappings

  mutating func mergeMap(_ original: Node?, _ patch: Node, path: [String]) -> Node? {
    let patchEntries = patch.mapping ?? []
    if let directive = patch.entry(Directive.patch) {
      switch directive.value.string {
      case Directive.delete:
        return nil
      case Directive.replace:
        var replacement = patch
        replacement.removeValue(forKey: Directive.patch)
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
      switch KeyRole(entry.key) {
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
    var positions = KeyPositions(entries)

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

  /// `$retainKeys`: keys of the original missing from the list are cleared, and the
  /// patch may only set keys the list names.
  mutating func applyRetainKeys(
    _ directive: Node.Entry, fields: [Node.Entry], to entries: inout [Node.Entry?]
  ) {
    guard let items = directive.value.sequence, items.allSatisfy({ $0.string != nil }) else {
      report(
        "'\(Directive.retainKeys)' must be a list of key names, not \(directive.value.typeDescription)",
        at: directive.value.location)
      return
    }
    let keep = Set(items.compactMap(\.string).map(MappingKey.init))
    for field in fields where !field.value.isNull && !keep.contains(MappingKey(field.key)) {
      report(
        "'\(field.key)' is set by the patch but missing from '\(Directive.retainKeys)'",
        at: field.keyLocation, help: "add '\(field.key)' to '\(Directive.retainKeys)'")
    }
    entries = entries.filter { entry in entry.map { keep.contains(MappingKey($0.key)) } ?? false }
  }

  /// `$deleteFromPrimitiveList/<list>`: removes the listed values from the original list.
  mutating func deleteFromPrimitiveList(
    _ directive: Node.Entry, list: String, in entries: inout [Node.Entry?],
    _ positions: KeyPositions
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
        help: "'\(Directive.deleteFromPrimitiveList)' works only on lists of strings or numbers")
      return
    }
    let doomed = ValueSet(values)
    entries[index]?.value = Node(
      .sequence(items.filter { !doomed.contains($0) }), at: current.location)
  }

  /// `$setElementOrder/<list>`: the merged list takes the order the directive gives;
  /// items it does not name keep their place relative to the original list
  /// (apimachinery's `normalizeElementOrder`).
  mutating func setElementOrder(
    _ directive: Node.Entry, list: String, patch: Node, before: [Node],
    in entries: inout [Node.Entry?], _ positions: KeyPositions, path: [String]
  ) {
    guard let order = directive.value.sequence else {
      report(
        "'\(directive.key)' must be a list, not \(directive.value.typeDescription)",
        at: directive.value.location)
      return
    }
    let listPath = path + [list]
    let keyOf: (Node) -> ScalarKey?
    let orderKeyOf: (Node) -> ScalarKey?
    let expected: String
    switch strategy(listPath) {
    case .replace:
      report(
        "'\(directive.key)' orders a list that merges, but \(kindName) replaces '\(display(listPath))' with the patch's list",
        at: directive.keyLocation,
        help: "write the list in the order you want and drop the directive")
      return
    case .mergePrimitives:
      keyOf = { ScalarKey($0) }
      orderKeyOf = keyOf
      expected = "values"
    case .mergeByKey(let mergeKey):
      keyOf = { ScalarKey($0[mergeKey]) }
      // apimachinery writes `{name: x}`; a bare `x` is accepted too.
      orderKeyOf = { $0.isMapping ? ScalarKey($0[mergeKey]) : ScalarKey($0) }
      expected = "'{\(mergeKey): …}' mappings"
    }

    var orderPosition: [ScalarKey: Int] = [:]
    for item in order {
      guard let key = orderKeyOf(item) else {
        report("items of '\(directive.key)' must be \(expected)", at: item.location)
        continue
      }
      if orderPosition[key] == nil { orderPosition[key] = orderPosition.count }
    }

    // The patch's own list must agree with the order it declares.
    var last = -1
    for item in patch[list]?.sequence ?? [] where item[Directive.patch] == nil {
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
    var serverPosition: [ScalarKey: Int] = [:]
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

  // MARK: Lists

  mutating func mergeList(_ original: Node?, _ patch: Node, path: [String]) -> Node {
    let base = original?.sequence
    let location = base == nil ? patch.location : original?.location ?? patch.location
    var replaceAll = false
    var items: [Node] = []
    for item in patch.sequence ?? [] {
      if let entries = item.mapping, entries.count == 1, entries[0].key == Directive.patch,
        entries[0].value.string == Directive.replace
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
        "'\(display(path))' is a list of values; delete values with '\(Directive.deleteFromPrimitiveList)/\(path.last ?? "<key>")'"
      let values = withoutDirectiveItems(items, path: path, advice: advice)
      guard let base, !replaceAll else {
        return Node(.sequence(values), at: patch.location)
      }
      var seen = ValueSet(base)
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
      if let directive = item.entry(Directive.patch) {
        report(
          "'\(Directive.patch)' cannot apply to an item of '\(display(path))'",
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
      if let directive = item.entry(Directive.patch) {
        switch directive.value.string {
        case Directive.delete: continue
        case Directive.replace: item.removeValue(forKey: Directive.patch)
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
    var index: [ScalarKey: [Int]] = [:]
    for (position, item) in base.enumerated() {
      if let key = ScalarKey(item[mergeKey]) { index[key, default: []].append(position) }
    }
    for item in items {
      guard item.isMapping else {
        report(
          "\(kindName) merges '\(display(path))' by '\(mergeKey)', so its items must be mappings, not \(item.typeDescription)",
          at: item.location)
        continue
      }
      let directive = item.entry(Directive.patch)
      if let directive, directive.value.string != Directive.delete,
        directive.value.string != Directive.replace
      {
        reportBadPatchValue(directive.value)
        continue
      }
      guard let keyNode = item[mergeKey] else {
        let purpose =
          directive?.value.string == Directive.delete
          ? "to say which item to delete" : "to say which item it changes"
        report(
          "this item of '\(display(path))' needs '\(mergeKey)' \(purpose): \(kindName) merges that list by '\(mergeKey)'",
          at: item.location)
        continue
      }
      guard let key = ScalarKey(keyNode) else {
        report(
          "'\(mergeKey)' must be a scalar to merge '\(display(path))' by it, not \(keyNode.typeDescription)",
          at: keyNode.location)
        continue
      }
      var patchItem = item
      if let directive {
        switch directive.value.string {
        case Directive.delete:
          for position in index[key] ?? [] { result[position] = nil }
          index[key] = nil
          continue
        default:  // replace; other values were reported above
          patchItem.removeValue(forKey: Directive.patch)
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

  mutating func reportBadPatchValue(_ value: Node) {
    let valid = [Directive.delete, Directive.replace]
    guard let text = value.string else {
      report(
        "'\(Directive.patch)' must be 'delete' or 'replace', not \(value.typeDescription)",
        at: value.location)
      return
    }
    let help =
      text == "merge"
      ? "merging is what happens without '\(Directive.patch)'; remove it"
      : "'\(Directive.patch)' takes 'delete' or 'replace'"
    report(
      "unknown '\(Directive.patch)' value '\(text)'\(Suggestion.didYouMean(text, in: valid))",
      at: value.location, help: help)
  }
}

/// Where each key sits in a mapping being merged: a dictionary for large mappings
/// (ConfigMap data, annotations) so merging stays linear, a scan for small ones. Keys
/// are compared by their bytes (`MappingKey`), as Kubernetes compares them.
private struct KeyPositions {
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
