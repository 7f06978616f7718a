/// Finds the "did you mean" candidate for a misspelt name.
public enum Suggestion {
  /// The candidate nearest to `name` by edit distance, when it is near enough to be a
  /// plausible typo (at most a third of the name's length, and at least one edit).
  public static func nearest<S: Sequence>(to name: String, in candidates: S) -> String?
  where S.Element == String {
    // Names far longer than any field name cannot be typos of one; measuring them would
    // cost their length times every candidate's, for every unknown key of a large file.
    let length = name.unicodeScalars.count
    guard length <= 256 else { return nil }
    let limit = max(1, length / 3)
    let lowered = name.lowercased()
    var best: (name: String, distance: Int)?
    for candidate in candidates {
      // The distance is at least the difference in length: skip the table when that
      // alone is too far.
      guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
      let distance = editDistance(lowered, candidate.lowercased())
      guard distance <= limit else { continue }
      if let current = best,
        distance > current.distance || (distance == current.distance && candidate >= current.name)
      {
        continue
      }
      best = (candidate, distance)
    }
    return best?.name
  }

  /// " (did you mean 'x'?)" or "".
  public static func didYouMean<S: Sequence>(_ name: String, in candidates: S) -> String
  where S.Element == String {
    nearest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions, and swaps
  /// of two neighbours (`nmae` is one edit from `name`), each costing one.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = Array(repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var best = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          best = Swift.min(best, beforePrevious[j - 2] + 1)
        }
        current[j] = best
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}
