/// `versions.yaml` as the replay of its history has it so far: every line, read once when
/// a commit adds it, and where the environment keys are.
///
/// `apply(_:)` replaces the lines one commit changed and says which service entries
/// those lines held before and after. The environment a changed line belongs to comes
/// from `environmentLines` by binary search instead of by walking back over the lines,
/// and the state is changed in place, so a commit costs its changed lines (plus moving
/// the lines after a hunk that adds or removes lines), not the size of the file.
struct VersionsFileState {
  /// The file's lines, parsed.
  private(set) var lines: [VersionsFileLine] = []
  /// The indexes in `lines` of the environment keys, ascending.
  private(set) var environmentLines: [Int] = []

  /// One hunk placed in the file: where its old lines start and end (clamped to the
  /// file, so a malformed patch cannot index outside it) and its new lines, parsed.
  private struct Placed {
    var lower: Int
    var upper: Int
    var added: [VersionsFileLine]
    /// An environment key comes or goes: every line under it up to the next key may
    /// change environment, so those lines are read too.
    var movesEnvironments: Bool
  }

  /// Applies one commit's hunks (as `git diff -U0` lists them, top to bottom) and
  /// returns the service entries of the lines they touched, before and after.
  mutating func apply(
    _ hunks: [DiffHunk]
  ) -> (before: [VersionHistory.Key: String], after: [VersionHistory.Key: String]) {
    var placed: [Placed] = []
    placed.reserveCapacity(hunks.count)
    var floor = 0
    for hunk in hunks {
      // git lists hunks top to bottom without overlaps; clip them so a malformed patch
      // cannot break that.
      let lower = min(
        max(floor, hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1), lines.count)
      let upper = min(lower + max(0, hunk.oldCount), lines.count)
      let added = hunk.added.map(VersionsFileLine.init)
      let movesEnvironments =
        added.contains(where: \.isEnvironment)
        || lines[lower..<upper].contains(where: \.isEnvironment)
      placed.append(
        Placed(lower: lower, upper: upper, added: added, movesEnvironments: movesEnvironments))
      floor = upper
    }

    var before: [VersionHistory.Key: String] = [:]
    for hunk in placed {
      let upper = hunk.movesEnvironments ? nextEnvironment(from: hunk.upper) : hunk.upper
      collect(hunk.lower..<upper, into: &before)
    }

    // Bottom-up, so the old line numbers of the hunks above still hold.
    for hunk in placed.reversed() {
      replace(hunk.lower..<hunk.upper, with: hunk.added)
    }

    var after: [VersionHistory.Key: String] = [:]
    var shift = 0
    for hunk in placed {
      let lower = hunk.lower + shift
      let upper = lower + hunk.added.count
      collect(lower..<(hunk.movesEnvironments ? nextEnvironment(from: upper) : upper), into: &after)
      shift += hunk.added.count - (hunk.upper - hunk.lower)
    }
    return (before, after)
  }

  /// Replaces `range` with `added`, keeping `environmentLines` in step.
  private mutating func replace(_ range: Range<Int>, with added: [VersionsFileLine]) {
    if range.count == added.count {
      for (offset, line) in added.enumerated() { lines[range.lowerBound + offset] = line }
    } else {
      lines.replaceSubrange(range, with: added)
    }
    let first = firstEnvironmentLine(atOrAfter: range.lowerBound)
    let end = firstEnvironmentLine(atOrAfter: range.upperBound)
    let delta = added.count - range.count
    if delta != 0 {
      for index in end..<environmentLines.count { environmentLines[index] += delta }
    }
    let keys = added.indices.lazy.filter { added[$0].isEnvironment }.map { range.lowerBound + $0 }
    environmentLines.replaceSubrange(first..<end, with: keys)
  }

  /// The position in `environmentLines` of the first key at or after line `index`.
  private func firstEnvironmentLine(atOrAfter index: Int) -> Int {
    var low = 0
    var high = environmentLines.count
    while low < high {
      let middle = (low + high) / 2
      if environmentLines[middle] < index { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// The line of the next environment key at or after `index`, or the end of the file.
  private func nextEnvironment(from index: Int) -> Int {
    let position = firstEnvironmentLine(atOrAfter: index)
    return position < environmentLines.count ? environmentLines[position] : lines.count
  }

  /// The service entries in `range`, each under the environment key above it.
  private func collect(_ range: Range<Int>, into entries: inout [VersionHistory.Key: String]) {
    var environment: String?
    let above = firstEnvironmentLine(atOrAfter: range.lowerBound)
    if above > 0, case .environment(let name) = lines[environmentLines[above - 1]] {
      environment = name
    }
    for line in lines[range] {
      switch line {
      case .environment(let name): environment = name
      case .service(let service, let reference):
        if let environment {
          entries[VersionHistory.Key(environment: environment, service: service)] = reference
        }
      case .other: continue
      }
    }
  }
}

extension VersionsFileLine {
  var isEnvironment: Bool {
    if case .environment = self { true } else { false }
  }
}
