/// Prints `render history` as a table or JSON.
public enum HistoryFormatter {
  /// `COMMIT DATE AUTHOR ENVIRONMENT CHANGE [NOTE]`, one row per change, as given
  /// (newest first). The note column appears when a Render trailer says something.
  public static func table(_ changes: [VersionChange]) -> String {
    let showNotes = changes.contains { note($0) != nil }
    var header = ["COMMIT", "DATE", "AUTHOR", "ENVIRONMENT", "CHANGE"]
    if showNotes { header.append("NOTE") }
    let rows = changes.map { change -> [String] in
      var row = [
        change.commit.shortHash, isoDate(change.commit.timestamp), change.commit.author,
        change.environment, changeText(change),
      ]
      if showNotes { row.append(note(change) ?? "") }
      return row
    }
    return TextTable(rows: [header] + rows).text()
  }

  /// An array of changes, newest first: commit, shortCommit, date, author, email,
  /// subject, environment, service, old, new (image references or null), oldVersion,
  /// newVersion, confirmedByTrailer, and trailerNote (or null).
  public static func json(_ changes: [VersionChange]) -> String {
    ReportJSON.array(
      changes.map { change in
        .object([
          ("commit", .string(change.commit.hash)),
          ("shortCommit", .string(change.commit.shortHash)),
          ("date", .string(isoDate(change.commit.timestamp))),
          ("author", .string(change.commit.author)),
          ("email", .string(change.commit.email)),
          ("subject", .string(change.commit.subject)),
          ("environment", .string(change.environment)),
          ("service", .string(change.service)),
          ("old", .string(change.old)),
          ("new", .string(change.new)),
          ("oldVersion", .string(change.old.map(VersionChange.version(of:)))),
          ("newVersion", .string(change.new.map(VersionChange.version(of:)))),
          ("confirmedByTrailer", .bool(change.trailer == .confirmed)),
          ("trailerNote", .string(note(change))),
        ])
      }
    ).text
  }

  /// `1.14.1 -> 1.14.2`; whole references when the image changed too; `-` for a side
  /// without the service.
  public static func changeText(_ change: VersionChange) -> String {
    guard let old = change.old, let new = change.new else {
      return (change.old.map(VersionChange.version(of:)) ?? "-") + " -> "
        + (change.new.map(VersionChange.version(of:)) ?? "-")
    }
    if VersionChange.image(of: old) != VersionChange.image(of: new) {
      return "\(old) -> \(new)"
    }
    return "\(VersionChange.version(of: old)) -> \(VersionChange.version(of: new))"
  }

  /// What the commit's Render trailers say about the change, if anything.
  public static func note(_ change: VersionChange) -> String? {
    switch change.trailer {
    case .none: nil
    case .confirmed: "trailer"
    case .viaEnvironment(let environment): "via \(environment) (trailer)"
    case .otherVersion(let version): "trailer says \(version)"
    }
  }

  /// `2024-05-02T09:30:00Z` for seconds since 1970.
  public static func isoDate(_ timestamp: Int) -> String {
    // Days to civil date: Howard Hinnant's algorithm, valid for any Int day count.
    let days = timestamp >= 0 ? timestamp / 86_400 : (timestamp - 86_399) / 86_400
    let seconds = timestamp - days * 86_400
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(year)-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
  }
}
