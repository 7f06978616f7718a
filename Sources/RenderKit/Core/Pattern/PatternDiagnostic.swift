import YAML

/// Turns a pattern that does not compile into an `input` finding in the file that holds
/// it, at the offending character when the YAML spelling lets us count to it.
enum PatternDiagnostic {
  /// Compiles the pattern written in `node`; a finding instead when RE2 would reject it.
  static func compile(_ node: Node) -> Result<RegexPattern, Diagnostic>? {
    guard let source = node.string else { return nil }
    do {
      return .success(try RegexPattern(source))
    } catch {
      return .failure(diagnostic(for: error, source: source, in: node))
    }
  }

  static func diagnostic(
    for error: PatternSyntaxError, source: String, in node: Node
  ) -> Diagnostic {
    .input(
      "pattern \(JSONString.quotedShort(source)) is not valid RE2 syntax, which the API "
        + "server uses: \(error.message)",
      at: location(of: error.offset, source: source, in: node),
      help: error.help)
  }

  /// The file position of scalar `offset` of the pattern: the scalar's own position
  /// plus the offset, when the pattern sits on one line and is written character for
  /// character (plain, or quoted without escapes); the scalar's start otherwise.
  static func location(of offset: Int, source: String, in node: Node) -> SourceLocation {
    var location = node.location
    guard location.isKnown, case .scalar(_, let style) = node.content,
      !source.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" })
    else { return location }
    switch style {
    case .plain:
      location.column += offset
    case .singleQuoted where !source.contains("'"):
      location.column += offset + 1
    case .doubleQuoted
    where !source.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\"" || $0.value < 0x20 }):
      location.column += offset + 1
    default:
      break
    }
    return location
  }
}
