/// When each version reached each environment, from the history of
/// `rendered/versions.yaml`: what `render history` prints.
///
/// One `git log` call lists the commits that changed the file with their `-U0` hunks
/// (`GitLog`). The hunks are replayed from the oldest commit on, keeping the file's
/// lines, so each commit's changed lines are read in context (which environment a
/// `  service: ref` line is under) without asking git for any file's full text: the
/// work is proportional to the lines that changed, not to commits × file size.
public enum VersionHistory {
  /// Runs `git log` in `repository` for the file at `path` (relative to the folder git
  /// runs in) and returns the changes, newest first.
  public static func load(
    _ repository: GitRepository, path: String
  ) throws(GitRepository.Failure) -> [VersionChange] {
    changes(GitLog.parse(try repository.run(GitLog.arguments(path: path))))
  }

  /// The changes the commits made, newest first (commits are given newest first, as
  /// `git log` lists them). Within a commit, changes are sorted by environment, then
  /// service.
  public static func changes(_ commits: [GitLogCommit]) -> [VersionChange] {
    var lines: [String] = []
    var result: [VersionChange] = []
    for commit in commits.reversed() {
      var before: [Key: String] = [:]
      var after: [Key: String] = [:]
      var next = lines
      // Bottom-up, so a hunk's old line numbers still hold when it is applied.
      for hunk in commit.hunks.sorted(by: { $0.oldStart > $1.oldStart }) {
        let lower = min(max(0, hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1), next.count)
        let upper = min(lower + hunk.oldCount, next.count)
        next.replaceSubrange(lower..<upper, with: hunk.added)
      }
      for hunk in commit.hunks {
        let oldLower = min(
          max(0, hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1), lines.count)
        let newLower = min(
          max(0, hunk.newCount == 0 ? hunk.newStart : hunk.newStart - 1), next.count)
        var oldRange = oldLower..<min(oldLower + hunk.oldCount, lines.count)
        var newRange = newLower..<min(newLower + hunk.newCount, next.count)
        // An environment key that comes or goes moves every line under it to another
        // environment: read on to the next key on both sides.
        if containsEnvironment(lines[oldRange]) || containsEnvironment(next[newRange]) {
          oldRange = oldRange.lowerBound..<nextEnvironment(in: lines, from: oldRange.upperBound)
          newRange = newRange.lowerBound..<nextEnvironment(in: next, from: newRange.upperBound)
        }
        collect(lines, oldRange, into: &before)
        collect(next, newRange, into: &after)
      }
      lines = next
      let summary = commit.summary
      var found: [VersionChange] = []
      for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] {
        found.append(
          VersionChange(
            commit: summary, environment: key.environment, service: key.service, old: before[key],
            new: after[key],
            trailer: trailer(commit.trailers, key: key, reference: after[key])))
      }
      result.append(contentsOf: found.reversed())
    }
    return result.reversed()
  }

  struct Key: Hashable, Comparable {
    var environment: String
    var service: String

    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.environment, lhs.service) < (rhs.environment, rhs.service)
    }
  }

  private static func containsEnvironment(_ lines: ArraySlice<String>) -> Bool {
    lines.contains { if case .environment = VersionsFileLine($0) { true } else { false } }
  }

  private static func nextEnvironment(in lines: [String], from index: Int) -> Int {
    var index = index
    while index < lines.count {
      if case .environment = VersionsFileLine(lines[index]) { return index }
      index += 1
    }
    return index
  }

  /// The service entries in `range`, each under the environment key above it.
  private static func collect(
    _ lines: [String], _ range: Range<Int>, into entries: inout [Key: String]
  ) {
    var environment: String?
    var index = range.lowerBound - 1
    while index >= 0 {
      if case .environment(let name) = VersionsFileLine(lines[index]) {
        environment = name
        break
      }
      index -= 1
    }
    for line in lines[range] {
      switch VersionsFileLine(line) {
      case .environment(let name): environment = name
      case .service(let service, let reference):
        if let environment { entries[Key(environment: environment, service: service)] = reference }
      case .other: continue
      }
    }
  }

  private static func trailer(
    _ trailers: RenderTrailers, key: Key, reference: String?
  ) -> VersionChange.Trailer {
    let version = reference.map(VersionChange.version(of:))
    let named = trailers.entries.filter { $0.service == key.service }
    func matches(_ entry: RenderTrailers.Entry) -> Bool {
      entry.version == nil || entry.version == version
    }
    if named.contains(where: { $0.environment == key.environment && matches($0) }) {
      return .confirmed
    }
    if let other = named.first(where: { $0.environment == key.environment }),
      let stated = other.version
    {
      return .otherVersion(stated)
    }
    if let via = named.first(where: { $0.environment != nil && matches($0) }),
      let environment = via.environment
    {
      return .viaEnvironment(environment)
    }
    return .none
  }
}
