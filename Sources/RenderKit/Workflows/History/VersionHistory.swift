/// When each version reached each environment, from the history of
/// `rendered/versions.yaml`: what `render history` prints.
///
/// One `git log` call lists the commits that changed the file with their `-U0` hunks
/// (`GitLog`), following the file through renames and copies (an `output` folder that
/// changed in render.yaml). The hunks are replayed from the oldest commit on into one
/// running copy of the file (`VersionsFileState`), so each commit's changed lines are
/// read in context (which environment a `  service: ref` line is under) without asking
/// git for any file's full text and without re-reading lines that did not change: the
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
    var file = VersionsFileState()
    var result: [VersionChange] = []
    for commit in commits.reversed() {
      let (before, after) = file.apply(commit.hunks)
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
