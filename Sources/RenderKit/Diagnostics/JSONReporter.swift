/// Findings as one JSON document, for scripts and editors (`--format json`).
///
/// The shape is stable; a change that is not an addition bumps `version`:
///
/// ```json
/// {
///   "version": 1,
///   "summary": { "errors": 1, "warnings": 0 },
///   "findings": [
///     {
///       "severity": "error",
///       "rule": "image-tag",
///       "message": "…",
///       "file": "environments/prod/environment.yaml",
///       "line": 5,
///       "column": 14,
///       "related": [
///         { "message": "…", "file": "rendered/…", "line": 3, "column": 9 },
///         { "message": "…" }
///       ],
///       "help": "…"
///     }
///   ]
/// }
/// ```
///
/// `severity` is `error`, `warning` or `note`. `file` is relative to the repository root;
/// `line` and `column` are 1-based, the column counted in Unicode scalars. A finding
/// about a value render generated itself has `null` file, line and column. A related
/// entry without a location has only `message`. `help` is left out when there is none.
/// Findings keep the order they were given in (`sortedForOutput(in:)` makes it stable);
/// keys are always in the order above.
public struct JSONReporter: DiagnosticReporter {
  /// The version of the document's shape.
  public static let formatVersion = 1

  public init() {}

  public func report(
    _ diagnostics: [Diagnostic], fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.filter { $0.severity == .warning }.count
    let document = ReportJSON.object([
      ("version", .int(Self.formatVersion)),
      ("summary", .object([("errors", .int(errors)), ("warnings", .int(warnings))])),
      ("findings", .array(diagnostics.map { finding($0, fileNames: fileNames) })),
    ])
    return document.text
  }

  private func finding(_ diagnostic: Diagnostic, fileNames: SourceFileNames) -> ReportJSON {
    var members: [(String, ReportJSON)] = [
      ("severity", .string(diagnostic.severity.rawValue)),
      ("rule", .string(diagnostic.rule.rawValue)),
      ("message", .string(diagnostic.message)),
    ]
    if diagnostic.location.isKnown {
      members += [
        ("file", .string(fileNames.path(of: diagnostic.location.fileID))),
        ("line", .int(diagnostic.location.line)),
        ("column", .int(diagnostic.location.column)),
      ]
    } else {
      members += [("file", .null), ("line", .null), ("column", .null)]
    }
    members.append(
      ("related", .array(diagnostic.related.map { related($0, fileNames: fileNames) })))
    if let help = diagnostic.help {
      members.append(("help", .string(help)))
    }
    return .object(members)
  }

  private func related(_ related: Diagnostic.Related, fileNames: SourceFileNames) -> ReportJSON {
    var members: [(String, ReportJSON)] = [("message", .string(related.message))]
    if let location = related.location, location.isKnown {
      members += [
        ("file", .string(fileNames.path(of: location.fileID))),
        ("line", .int(location.line)),
        ("column", .int(location.column)),
      ]
    }
    return .object(members)
  }
}
