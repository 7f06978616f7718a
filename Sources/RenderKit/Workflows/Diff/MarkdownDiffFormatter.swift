/// `render diff --format markdown`: for a pull-request comment or a GitHub job summary.
///
/// A summary table (environment, service, +lines, -lines, files), then each
/// environment and service's diffs in a collapsible `<details>` block with a ```diff
/// fence. GitHub refuses comments over 65,536 characters, so the diffs share a
/// character budget and each file has a line limit; what does not fit is cut at a line
/// boundary with a note saying how much was left out.
public struct MarkdownDiffFormatter: Sendable {
  /// Characters of diff text, all blocks together.
  public var maxCharacters: Int
  /// Lines of one file's diff.
  public var maxLinesPerFile: Int

  public init(maxCharacters: Int = 50_000, maxLinesPerFile: Int = 400) {
    self.maxCharacters = maxCharacters
    self.maxLinesPerFile = maxLinesPerFile
  }

  /// - Parameters:
  ///   - title: the heading: "render diff: `main` → working tree".
  ///   - notes: paragraphs under the heading (a base render that had errors).
  public func format(_ comparison: TreeComparison, title: String, notes: [String] = []) -> String {
    var output = "### \(title)\n\n"
    for note in notes { output += "> [!WARNING]\n> \(note)\n\n" }
    guard !comparison.isEmpty else {
      return output + "No differences in `\(comparison.folder)/`.\n"
    }
    output += table(comparison.summary)
    var budget = maxCharacters
    var byGroup: [ChangeGroup: [FileChange]] = [:]
    for change in comparison.changes { byGroup[change.group, default: []].append(change) }
    for row in comparison.summary.rows {
      let changes = byGroup[row.group] ?? []
      output += "\n<details>\n<summary><code>\(row.group.label)</code>: "
      output += "+\(row.addedLines) -\(row.removedLines) (\(row.filesDescription))</summary>\n\n"
      var text = ""
      var omitted = 0
      for change in changes {
        let lines = change.unifiedDiff(folder: comparison.folder).split(
          separator: "\n", omittingEmptySubsequences: false
        ).dropLast()
        var shown = 0
        for line in lines {
          guard shown < maxLinesPerFile, line.utf8.count + 1 <= budget else { break }
          text += line + "\n"
          budget -= line.utf8.count + 1
          shown += 1
        }
        omitted += lines.count - shown
      }
      if !text.isEmpty {
        let fence = Self.fence(for: text)
        output += "\(fence)diff\n\(text)\(fence)\n"
      }
      if omitted > 0 {
        output +=
          "\n_\(omitted) more \(omitted == 1 ? "line" : "lines") not shown; "
          + "run `render diff` for the full diff._\n"
      }
      output += "\n</details>\n"
    }
    return output
  }

  /// The summary table, with a total row.
  public func table(_ summary: DiffSummary) -> String {
    var output = "| environment | service | +lines | -lines | files |\n"
    output += "| --- | --- | ---: | ---: | --- |\n"
    for row in summary.rows {
      output +=
        "| \(row.group.environmentLabel) | \(row.group.service) | +\(row.addedLines) "
        + "| -\(row.removedLines) | \(row.filesDescription) |\n"
    }
    let total = summary.total
    output +=
      "| **total** | | **+\(total.addedLines)** | **-\(total.removedLines)** "
      + "| **\(total.filesDescription)** |\n"
    return output
  }

  /// A backtick fence longer than any run of backticks in `text`, so the diff cannot
  /// close it early.
  static func fence(for text: String) -> String {
    var longest = 0
    var current = 0
    for character in text {
      if character == "`" {
        current += 1
        longest = max(longest, current)
      } else {
        current = 0
      }
    }
    return String(repeating: "`", count: max(3, longest + 1))
  }
}
