/// Compiler-style text: `path:line:col: error[rule]: message`, the source line with a
/// caret under the column, related locations as notes, then a summary line.
public struct TextReporter: DiagnosticReporter {
  /// Whether to use ANSI colours (on a terminal, unless NO_COLOR is set).
  public var colored: Bool

  /// Most findings printed for one file; the rest are counted in a summary line, so a
  /// file with 100,000 unknown keys prints a readable report, not 100,000 entries.
  public var maxFindingsPerFile: Int

  public init(colored: Bool, maxFindingsPerFile: Int = 100) {
    self.colored = colored
    self.maxFindingsPerFile = maxFindingsPerFile
  }

  private func paint(_ text: String, _ code: String) -> String {
    colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// The findings as text; control characters from the input (in paths, messages and
  /// source lines) are escaped (`TerminalText`), so the report is safe on a terminal.
  public func report(
    _ diagnostics: [Diagnostic], fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String {
    withoutActuallyEscaping(source) { source in
      report(diagnostics, lines: SourceLineCache(fileNames: fileNames, source: source))
    }
  }

  private func report(_ diagnostics: [Diagnostic], lines: SourceLineCache) -> String {
    var output = ""
    var printed: [UInt32: Int] = [:]
    var omitted: [(fileID: UInt32, count: Int)] = []
    var omittedIndex: [UInt32: Int] = [:]
    for diagnostic in diagnostics {
      let file = diagnostic.location.fileID
      let count = printed[file, default: 0]
      if count < maxFindingsPerFile {
        printed[file] = count + 1
        output += format(diagnostic, lines: lines)
      } else if let index = omittedIndex[file] {
        omitted[index].count += 1
      } else {
        omittedIndex[file] = omitted.count
        omitted.append((file, 1))
      }
    }
    for (fileID, count) in omitted {
      let name = lines.fileNames.path(of: fileID)
      let place = name.isEmpty ? "without a file" : "in \(name)"
      output += "… and \(count) more \(count == 1 ? "finding" : "findings") \(place)\n"
    }
    output = TerminalText.escaped(output, keepingColors: colored)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    if errors + warnings > 0 {
      var parts: [String] = []
      if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
      if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
      output += parts.joined(separator: ", ") + "\n"
    }
    return output
  }

  private func format(_ diagnostic: Diagnostic, lines: SourceLineCache) -> String {
    let severity: String
    switch diagnostic.severity {
    case .error: severity = paint("error", "1;31")
    case .warning: severity = paint("warning", "1;33")
    case .note: severity = paint("note", "1;36")
    }
    let fileNames = lines.fileNames
    var output =
      paint("\(fileNames.describe(diagnostic.location)):", "1")
      + " \(severity)[\(diagnostic.rule)]: "
    output += paint(diagnostic.message, "1") + "\n"
    output += excerpt(at: diagnostic.location, lines: lines)
    for related in diagnostic.related {
      if let location = related.location, location.isKnown {
        output +=
          paint("\(fileNames.describe(location)):", "1")
          + " \(paint("note", "1;36")): \(related.message)\n"
        output += excerpt(at: location, lines: lines)
      } else {
        output += "  \(paint("note", "1;36")): \(related.message)\n"
      }
    }
    if let help = diagnostic.help {
      output += "  \(paint("help", "1;32")): \(help)\n"
    }
    return output
  }

  /// The source line and a caret under the column; tabs before the column are kept so
  /// the caret lines up.
  func excerpt(
    at location: SourceLocation, fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String {
    withoutActuallyEscaping(source) {
      excerpt(at: location, lines: SourceLineCache(fileNames: fileNames, source: $0))
    }
  }

  private func excerpt(at location: SourceLocation, lines: SourceLineCache) -> String {
    guard location.isKnown, let line = lines.line(location.line, of: location.fileID) else {
      return ""
    }
    let prefix = line.unicodeScalars.prefix(max(0, location.column - 1))
    var padding = ""
    for scalar in prefix {
      padding += scalar == "\t" ? "\t" : String(repeating: " ", count: Self.cellWidth(of: scalar))
    }
    return "  \(line)\n  \(padding)\(paint("^", "1;32"))\n"
  }

  /// How many terminal cells a scalar takes: the column counts scalars, but a caret has
  /// to line up with what a terminal shows, where combining marks take none and CJK
  /// ideographs, Hangul and emoji take two (a close approximation of `wcwidth`).
  static func cellWidth(of scalar: Unicode.Scalar) -> Int {
    if TerminalText.isEscaped(scalar) { return TerminalText.escape(scalar).count }
    let properties = scalar.properties
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if properties.isEmojiPresentation { return 2 }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }
}
