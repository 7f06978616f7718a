/// `git log` output as `GitLog.arguments(path:)` makes git print it, for history tests
/// that need no repository.
struct CannedGitLog {
  struct Commit {
    var hash: String
    var timestamp: Int
    var author = "Ann Smith"
    var email = "ann@example.com"
    var subject = "change"
    var trailers: [String] = []
    /// The patch git prints after the header: `@@` hunks with `-U0`.
    var hunks: String
  }

  /// Newest first, as git lists them.
  var commits: [Commit]

  var text: String {
    commits.map { commit in
      let trailers = commit.trailers.map { $0 + "\n" }.joined()
      return "\0\(commit.hash)\0\(commit.hash.prefix(7))\0\(commit.timestamp)"
        + "\0\(commit.author)\0\(commit.email)\0\(commit.subject)\0\(trailers)\0\n"
        + "\ndiff --git a/rendered/versions.yaml b/rendered/versions.yaml\n"
        + "index 3aae669..e1af3c6 100644\n--- a/rendered/versions.yaml\n+++ b/rendered/versions.yaml\n"
        + commit.hunks
    }.joined()
  }
}
