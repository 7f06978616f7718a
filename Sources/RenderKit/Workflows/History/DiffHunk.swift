/// One hunk of a `git diff -U0` patch: the old lines a range held and the new lines
/// that replace them.
public struct DiffHunk: Sendable, Equatable {
  /// 1-based first old line; with `oldCount == 0`, the line after which `added` goes.
  public var oldStart: Int
  public var oldCount: Int
  /// 1-based first new line; with `newCount == 0`, the line after which lines went.
  public var newStart: Int
  public var newCount: Int
  public var removed: [String]
  public var added: [String]

  public init(
    oldStart: Int, oldCount: Int, newStart: Int, newCount: Int, removed: [String] = [],
    added: [String] = []
  ) {
    self.oldStart = oldStart
    self.oldCount = oldCount
    self.newStart = newStart
    self.newCount = newCount
    self.removed = removed
    self.added = added
  }

  /// Parses `@@ -a,b +c,d @@ …` (a missing count is 1).
  static func header(_ line: Substring) -> DiffHunk? {
    let parts = line.split(separator: " ")
    guard parts.count >= 3, parts[0] == "@@", parts[1].hasPrefix("-"), parts[2].hasPrefix("+")
    else { return nil }
    func range(_ text: Substring) -> (Int, Int)? {
      let numbers = text.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
      guard let start = numbers.first.flatMap({ Int($0) }) else { return nil }
      if numbers.count == 1 { return (start, 1) }
      guard numbers.count == 2, let count = Int(numbers[1]) else { return nil }
      return (start, count)
    }
    guard let old = range(parts[1]), let new = range(parts[2]) else { return nil }
    return DiffHunk(oldStart: old.0, oldCount: old.1, newStart: new.0, newCount: new.1)
  }

  /// The hunks of one file's patch (the lines after the commit header). Lines before
  /// the first `@@` (`diff --git`, `index`, `---`, `+++`) are skipped; a hunk's body is
  /// read by its counts, so a removed line that starts with `--` cannot be taken for a
  /// file header.
  static func parse(patch: Substring) -> [DiffHunk] {
    var hunks: [DiffHunk] = []
    var current: DiffHunk?
    var removedLeft = 0
    var addedLeft = 0
    for line in patch.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
      let first = line.first
      if current != nil, removedLeft + addedLeft > 0 {
        // Optional chaining mutates the hunk in place (a `var` copy would copy its
        // arrays on every line of a large hunk).
        if first == UInt8(ascii: "-") && removedLeft > 0 {
          current?.removed.append(String(Substring(line.dropFirst())))
          removedLeft -= 1
        } else if first == UInt8(ascii: "+") && addedLeft > 0 {
          current?.added.append(String(Substring(line.dropFirst())))
          addedLeft -= 1
        } else if first == UInt8(ascii: " ") {
          // Context (only with -U>0): not part of either side's change.
        } else if first != UInt8(ascii: "\\") {
          // A malformed body: keep what was read.
          removedLeft = 0
          addedLeft = 0
        }
        if removedLeft + addedLeft == 0, let hunk = current {
          hunks.append(hunk)
          current = nil
        }
        continue
      }
      guard line.starts(with: "@@ ".utf8), let hunk = DiffHunk.header(Substring(line)) else {
        continue
      }
      if hunk.oldCount + hunk.newCount == 0 { continue }
      current = hunk
      removedLeft = hunk.oldCount
      addedLeft = hunk.newCount
    }
    if let current { hunks.append(current) }
    return hunks
  }
}
