/// Line diffs in unified format (`diff -u`), with Myers' O((N+M)D) algorithm so large
/// files with small changes stay cheap.
public enum UnifiedDiff {
  public enum Edit: Equatable, Sendable {
    case same(Substring)
    case removed(Substring)
    case added(Substring)
  }

  /// The unified diff of two texts, or "" when they are equal.
  public static func diff(
    old: String, new: String, oldName: String, newName: String, context: Int = 3
  ) -> String {
    let edits = self.edits(old: lines(old), new: lines(new))
    guard edits.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
    var output = "--- \(oldName)\n+++ \(newName)\n"
    for hunk in hunks(edits, context: context) {
      output += hunk
    }
    return output
  }

  /// Lines without their breaks; a missing final newline is not shown as a change.
  static func lines(_ text: String) -> [Substring] {
    var result = text.split(separator: "\n", omittingEmptySubsequences: false)
    if result.last == "" { result.removeLast() }
    return result
  }

  /// The shortest edit script turning `old` into `new`.
  public static func edits(old: [Substring], new: [Substring]) -> [Edit] {
    let n = old.count
    let m = new.count
    let maximum = n + m
    if maximum == 0 { return [] }
    var frontier = [Int](repeating: 0, count: 2 * maximum + 2)
    // trace[d] keeps only diagonals -d...d: O(D²) memory instead of O(D·(N+M)).
    var trace: [[Int]] = []
    let offset = maximum + 1
    let limit = 4_000
    search: for d in 0...maximum {
      if d > limit {
        // Files that share almost nothing: a full replacement reads as well and stays cheap.
        return old.map(Edit.removed) + new.map(Edit.added)
      }
      trace.append(Array(frontier[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x: Int
        if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
          x = frontier[offset + k + 1]
        } else {
          x = frontier[offset + k - 1] + 1
        }
        var y = x - k
        while x < n && y < m && old[x] == new[y] {
          x += 1
          y += 1
        }
        frontier[offset + k] = x
        if x >= n && y >= m { break search }
      }
    }
    // Walk the trace backwards to recover the script.
    var edits: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let saved = trace[d]
      // saved[i] is diagonal i - d.
      func at(_ diagonal: Int) -> Int { saved[diagonal + d] }
      let k = x - y
      let previousK: Int
      if k == -d || (k != d && at(k - 1) < at(k + 1)) {
        previousK = k + 1
      } else {
        previousK = k - 1
      }
      let previousX = d == 0 ? 0 : at(previousK)
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        edits.append(.same(old[x - 1]))
        x -= 1
        y -= 1
      }
      if d > 0 {
        if x == previousX {
          edits.append(.added(new[y - 1]))
        } else {
          edits.append(.removed(old[x - 1]))
        }
      }
      x = previousX
      y = previousY
    }
    return edits.reversed()
  }

  static func hunks(_ edits: [Edit], context: Int) -> [String] {
    var changeIndexes: [Int] = []
    for (index, edit) in edits.enumerated() {
      if case .same = edit { continue }
      changeIndexes.append(index)
    }
    // Group changes whose context windows touch.
    var groups: [(start: Int, end: Int)] = []
    for index in changeIndexes {
      let start = max(0, index - context)
      let end = min(edits.count, index + context + 1)
      if let last = groups.last, start <= last.end {
        groups[groups.count - 1].end = end
      } else {
        groups.append((start, end))
      }
    }
    var oldLine = [Int](repeating: 0, count: edits.count + 1)
    var newLine = [Int](repeating: 0, count: edits.count + 1)
    for (index, edit) in edits.enumerated() {
      oldLine[index + 1] = oldLine[index] + (isAdded(edit) ? 0 : 1)
      newLine[index + 1] = newLine[index] + (isRemoved(edit) ? 0 : 1)
    }
    return groups.map { group in
      let slice = edits[group.start..<group.end]
      let oldCount = slice.filter { !isAdded($0) }.count
      let newCount = slice.filter { !isRemoved($0) }.count
      let oldStart = oldCount == 0 ? oldLine[group.start] : oldLine[group.start] + 1
      let newStart = newCount == 0 ? newLine[group.start] : newLine[group.start] + 1
      var text = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
      for edit in slice {
        switch edit {
        case .same(let line): text += " \(line)\n"
        case .removed(let line): text += "-\(line)\n"
        case .added(let line): text += "+\(line)\n"
        }
      }
      return text
    }
  }

  private static func isAdded(_ edit: Edit) -> Bool {
    if case .added = edit { return true }
    return false
  }

  private static func isRemoved(_ edit: Edit) -> Bool {
    if case .removed = edit { return true }
    return false
  }
}
