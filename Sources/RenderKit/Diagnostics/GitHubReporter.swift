/// GitHub Actions workflow commands (`--format github`): one `::error`, `::warning` or
/// `::notice` line per finding, which GitHub shows as an annotation on the file and line
/// in the pull request and on the run's summary.
///
/// `::error file=services/web/service.yaml,line=5,col=14,title=render [image-tag]::message`
///
/// Related entries and help follow the message on lines of their own, inside the one
/// command (newlines are escaped, as GitHub requires). A finding about a value render
/// generated itself has no `file`, `line` or `col`: GitHub shows it on the run only.
public struct GitHubReporter: DiagnosticReporter {
  public init() {}

  public func report(
    _ diagnostics: [Diagnostic], fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String {
    diagnostics.map { command($0, fileNames: fileNames) }.joined()
  }

  /// The workflow command for one finding, with its line break.
  func command(_ diagnostic: Diagnostic, fileNames: SourceFileNames) -> String {
    let name: String
    switch diagnostic.severity {
    case .error: name = "error"
    case .warning: name = "warning"
    case .note: name = "notice"
    }
    var properties: [String] = []
    let location = diagnostic.location
    if location.isKnown {
      properties.append("file=" + Self.escapeProperty(fileNames.path(of: location.fileID)))
      properties.append("line=\(location.line)")
      if location.column >= 1 {
        properties.append("col=\(location.column)")
      }
    }
    properties.append("title=" + Self.escapeProperty("render [\(diagnostic.rule)]"))

    var lines = [diagnostic.message]
    for related in diagnostic.related {
      if let relatedLocation = related.location, relatedLocation.isKnown {
        lines.append("\(fileNames.describe(relatedLocation)): note: \(related.message)")
      } else {
        lines.append("note: \(related.message)")
      }
    }
    if let help = diagnostic.help {
      lines.append("help: \(help)")
    }
    let message = Self.escapeData(lines.joined(separator: "\n"))
    return "::\(name) \(properties.joined(separator: ","))::\(message)\n"
  }

  /// The message part of a command: `%`, carriage return and line feed are
  /// percent-encoded so a message stays one command.
  static func escapeData(_ text: String) -> String {
    TextEscaping.escaped(text) { scalar in
      switch scalar {
      case "%": "%25"
      case "\r": "%0D"
      case "\n": "%0A"
      default: nil
      }
    }
  }

  /// A property value: as the message, and also `:` and `,`, which would end the value.
  static func escapeProperty(_ text: String) -> String {
    TextEscaping.escaped(escapeData(text)) { scalar in
      switch scalar {
      case ":": "%3A"
      case ",": "%2C"
      default: nil
      }
    }
  }
}
