/// Puts an `OutputDrift` into words: the `output` findings of `build --check` and the
/// summary `build` prints.
public enum DriftReport {
  /// One finding per file that differs, rule `output`. A changed file points at its
  /// first differing line. The findings' paths are numbered in `fileNames`.
  public static func findings(
    _ diff: OutputDrift, tree: OutputTree, fileNames: SourceFileNames
  ) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for file in diff.added {
      findings.append(
        Diagnostic(
          .error, rule: .output, "\(tree.displayPath(file.path)) is missing",
          at: fileNames.start(of: tree.displayPath(file.path))))
    }
    for update in diff.updated {
      let line = firstDifferentLine(update.old, update.new)
      let location = fileNames.location(tree.displayPath(update.path), line: line, column: 1)
      if update.handEdited {
        findings.append(
          Diagnostic(
            .error, rule: .output,
            "\(tree.displayPath(update.path)) was edited by hand (it no longer matches its checksum)",
            at: location,
            help: "change the inputs instead; `render build` will overwrite the edit"))
      } else {
        findings.append(
          Diagnostic(
            .error, rule: .output, "\(tree.displayPath(update.path)) is out of date", at: location)
        )
      }
    }
    for path in diff.stale {
      findings.append(
        Diagnostic(
          .error, rule: .output,
          "\(tree.displayPath(path)) is stale: nothing renders it any more",
          at: fileNames.start(of: tree.displayPath(path))))
    }
    return findings.sortedForOutput(in: fileNames)
  }

  /// The closing line of a failed `--check`.
  public static func summary(_ diff: OutputDrift, tree: OutputTree) -> String {
    var parts: [String] = []
    let edited = diff.updated.filter(\.handEdited).count
    let outdated = diff.updated.count - edited
    if outdated > 0 { parts.append("\(outdated) out of date") }
    if edited > 0 { parts.append("\(edited) edited by hand") }
    if !diff.added.isEmpty { parts.append("\(diff.added.count) missing") }
    if !diff.stale.isEmpty { parts.append("\(diff.stale.count) stale") }
    if !diff.conflicts.isEmpty { parts.append("\(diff.conflicts.count) in the way") }
    return
      "render: \(tree.folder)/ differs from a fresh render: \(parts.joined(separator: ", ")); run `render build` and commit the result\n"
  }

  /// What `build` did.
  public static func buildSummary(_ diff: OutputDrift, tree: OutputTree) -> String {
    if diff.isClean {
      return "render: \(tree.folder)/ is up to date (\(tree.files.count) files)\n"
    }
    var parts: [String] = []
    if !diff.added.isEmpty { parts.append("\(diff.added.count) added") }
    if !diff.updated.isEmpty { parts.append("\(diff.updated.count) updated") }
    if !diff.stale.isEmpty { parts.append("\(diff.stale.count) removed") }
    parts.append("\(diff.unchanged.count) unchanged")
    return "render: wrote \(tree.folder)/: \(parts.joined(separator: ", "))\n"
  }

  /// The 1-based number, in the file on disk, of the first line that differs. Lines of
  /// the body count first: the header's checksum always differs when the body does.
  static func firstDifferentLine(_ old: [UInt8], _ new: [UInt8]) -> Int {
    let oldLines = String(decoding: old, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let newLines = String(decoding: new, as: UTF8.self).split(
      separator: "\n", omittingEmptySubsequences: false)
    let oldHeader = oldLines.prefix { $0.hasPrefix("#") }.count
    let newHeader = newLines.prefix { $0.hasPrefix("#") }.count
    let oldBody = oldLines.dropFirst(oldHeader)
    let newBody = newLines.dropFirst(newHeader)
    for (offset, (a, b)) in zip(oldBody, newBody).enumerated() where a != b {
      return oldHeader + offset + 1
    }
    if oldBody.count != newBody.count {
      return oldHeader + min(oldBody.count, newBody.count) + 1
    }
    for (index, (a, b)) in zip(oldLines, newLines).enumerated() where a != b {
      return index + 1
    }
    return 1
  }
}
