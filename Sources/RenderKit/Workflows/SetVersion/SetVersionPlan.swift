/// Everything `render set-version` will write, computed before anything is: the
/// changes in argument order, the new text of each input file it edits, and the
/// repository as it will be (so the edit is compiled and validated in memory first).
public struct SetVersionPlan: Sendable {
  public var environment: String
  /// One entry per pin, in argument order, unchanged ones included.
  public var changes: [PinChange]
  /// The new text of every input file to write, by path relative to the root.
  public var files: [String: String]
  /// The subset of `files` that do not exist yet.
  public var createdFiles: Set<String>
  /// The loaded repository with `files` applied.
  public var repository: Repository
  /// The rendered environments the edit reaches: the environment itself (unless it is
  /// abstract) and every concrete environment that inherits from it.
  public var affectedEnvironments: [String]

  public init(
    environment: String, changes: [PinChange], files: [String: String],
    createdFiles: Set<String>, repository: Repository, affectedEnvironments: [String]
  ) {
    self.environment = environment
    self.changes = changes
    self.files = files
    self.createdFiles = createdFiles
    self.repository = repository
    self.affectedEnvironments = affectedEnvironments
  }

  /// The pins that change something.
  public var effectiveChanges: [PinChange] { changes.filter(\.isChange) }

  /// The edited input files, sorted.
  public var editedPaths: [String] { files.keys.sorted() }
}
