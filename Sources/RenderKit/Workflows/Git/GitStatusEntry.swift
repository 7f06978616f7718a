/// One line of `git status --porcelain=v1 -z`: a path that differs from HEAD, is
/// staged, or is untracked. Paths are relative to the top of the work tree.
public struct GitStatusEntry: Hashable, Sendable, CustomStringConvertible {
  /// The index (staged) status letter; `?` for untracked.
  public var staged: Character
  /// The work-tree status letter; `?` for untracked.
  public var unstaged: Character
  public var path: String
  /// The old path of a rename or copy.
  public var originalPath: String?

  public init(staged: Character, unstaged: Character, path: String, originalPath: String? = nil) {
    self.staged = staged
    self.unstaged = unstaged
    self.path = path
    self.originalPath = originalPath
  }

  public var isUntracked: Bool { staged == "?" }

  /// `M  environments/prod/checkout.yaml`, as `git status --short` shows it.
  public var description: String {
    "\(staged)\(unstaged) \(originalPath.map { "\($0) -> " } ?? "")\(path)"
  }

  /// Parses the NUL-separated output of `git status --porcelain=v1 -z`.
  public static func parse(_ output: String) -> [GitStatusEntry] {
    var fields = output.split(separator: "\0", omittingEmptySubsequences: true)[...]
    var entries: [GitStatusEntry] = []
    while let field = fields.popFirst() {
      let characters = Array(field.prefix(3))
      guard characters.count == 3, characters[2] == " " else { continue }
      var entry = GitStatusEntry(
        staged: characters[0], unstaged: characters[1], path: String(field.dropFirst(3)))
      if "RC".contains(entry.staged) || "RC".contains(entry.unstaged) {
        entry.originalPath = fields.popFirst().map(String.init)
      }
      entries.append(entry)
    }
    return entries
  }
}
