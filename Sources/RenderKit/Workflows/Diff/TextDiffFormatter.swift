/// `render diff`'s text output: every file's unified diff, then the summary table.
/// Coloured like `git diff` when asked (on a terminal, unless NO_COLOR is set).
public struct TextDiffFormatter: Sendable {
  public var colored: Bool

  public init(colored: Bool) {
    self.colored = colored
  }

  private func paint(_ text: String, _ code: String) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// The diffs, a blank line, the summary.
  ///
  /// - Parameters:
  ///   - title: what was compared: "rendered/ on disk -> fresh render".
  ///   - notes: lines printed under the title (a base render that had errors).
  public func format(_ comparison: TreeComparison, title: String, notes: [String] = []) -> String {
    guard !comparison.isEmpty else {
      return (["render diff: \(title): no differences"] + notes).joined(separator: "\n") + "\n"
    }
    return diffs(comparison) + "\n" + summary(comparison.summary, title: title, notes: notes)
  }

  /// Every file's diff, in path order.
  public func diffs(_ comparison: TreeComparison) -> String {
    var output = ""
    for change in comparison.changes {
      for line in change.unifiedDiff(folder: comparison.folder).split(
        separator: "\n", omittingEmptySubsequences: false
      ).dropLast() {
        output += paintDiffLine(line) + "\n"
      }
    }
    return output
  }

  private func paintDiffLine(_ line: Substring) -> String {
    guard colored else { return String(line) }
    if line.hasPrefix("--- ") || line.hasPrefix("+++ ") { return paint(String(line), "1") }
    if line.hasPrefix("@@") { return paint(String(line), "36") }
    if line.hasPrefix("-") { return paint(String(line), "31") }
    if line.hasPrefix("+") { return paint(String(line), "32") }
    return String(line)
  }

  /// The table: one row per environment and service, then the total.
  public func summary(_ summary: DiffSummary, title: String, notes: [String] = []) -> String {
    let header = ["ENVIRONMENT", "SERVICE", "+LINES", "-LINES", "FILES"]
    let rows = summary.rows.map { row in
      [
        row.group.environmentLabel, row.group.service, "+\(row.addedLines)",
        "-\(row.removedLines)", row.filesDescription,
      ]
    }
    var output = paint("render diff: \(title)", "1") + "\n"
    for note in notes { output += "  " + note + "\n" }
    // Line counts align right, text left; added lines are green, removed ones red.
    output += TextTable(rows: [header] + rows, alignments: [2: .right, 3: .right]).text(
      indent: "  "
    ) { row, column, cell in
      guard row > 0 else { return cell }
      switch column {
      case 2: return paint(cell, "32")
      case 3: return paint(cell, "31")
      default: return cell
      }
    }
    let total = summary.total
    output +=
      "  \(total.files) \(total.files == 1 ? "file" : "files") (\(total.filesDescription)), "
      + paint("+\(total.addedLines)", "32") + " " + paint("-\(total.removedLines)", "31")
      + " lines\n"
    return output
  }
}
