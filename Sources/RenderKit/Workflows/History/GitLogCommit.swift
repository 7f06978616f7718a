/// One commit of the `git log` that `render history` reads: who, when, the Render
/// trailers, and the hunks it made to `versions.yaml`.
public struct GitLogCommit: Sendable, Equatable {
  public var hash: String
  public var shortHash: String
  /// Committer date, seconds since 1970 (UTC): when the commit landed on the branch.
  public var timestamp: Int
  public var author: String
  public var email: String
  public var subject: String
  public var trailers: RenderTrailers
  public var hunks: [DiffHunk]

  public init(
    hash: String, shortHash: String, timestamp: Int, author: String, email: String,
    subject: String, trailers: RenderTrailers = RenderTrailers(entries: []), hunks: [DiffHunk]
  ) {
    self.hash = hash
    self.shortHash = shortHash
    self.timestamp = timestamp
    self.author = author
    self.email = email
    self.subject = subject
    self.trailers = trailers
    self.hunks = hunks
  }

  /// The commit without its hunks: what a `VersionChange` keeps.
  public struct Summary: Sendable, Equatable {
    public var hash: String
    public var shortHash: String
    public var timestamp: Int
    public var author: String
    public var email: String
    public var subject: String

    public init(
      hash: String, shortHash: String, timestamp: Int, author: String, email: String,
      subject: String
    ) {
      self.hash = hash
      self.shortHash = shortHash
      self.timestamp = timestamp
      self.author = author
      self.email = email
      self.subject = subject
    }
  }

  public var summary: Summary {
    Summary(
      hash: hash, shortHash: shortHash, timestamp: timestamp, author: author, email: email,
      subject: subject)
  }
}
