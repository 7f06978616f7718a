/// What changed per environment and service: lines added and removed, files added,
/// removed and changed. The closing table of `render diff`.
public struct DiffSummary: Sendable, Equatable {
  /// One environment and service, or the total.
  public struct Row: Sendable, Equatable {
    public var group: ChangeGroup
    public var addedLines = 0
    public var removedLines = 0
    public var filesAdded = 0
    public var filesRemoved = 0
    public var filesChanged = 0

    public init(group: ChangeGroup) {
      self.group = group
    }

    public var files: Int { filesAdded + filesRemoved + filesChanged }

    /// `1 added, 2 changed, 1 removed`, leaving out zeros.
    public var filesDescription: String {
      var parts: [String] = []
      if filesAdded > 0 { parts.append("\(filesAdded) added") }
      if filesChanged > 0 { parts.append("\(filesChanged) changed") }
      if filesRemoved > 0 { parts.append("\(filesRemoved) removed") }
      return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    mutating func add(_ change: FileChange) {
      addedLines += change.addedLines
      removedLines += change.removedLines
      switch change.kind {
      case .added: filesAdded += 1
      case .removed: filesRemoved += 1
      case .modified: filesChanged += 1
      }
    }
  }

  /// One row per environment and service that changed, in `ChangeGroup` order.
  public var rows: [Row]
  /// Every change added up; its group is the platform with service `total`.
  public var total: Row

  public init(_ changes: [FileChange]) {
    var rows: [ChangeGroup: Row] = [:]
    var total = Row(group: ChangeGroup(environment: nil, service: "total"))
    for change in changes {
      let group = change.group
      rows[group, default: Row(group: group)].add(change)
      total.add(change)
    }
    self.rows = rows.keys.sorted().compactMap { rows[$0] }
    self.total = total
  }
}
