/// SARIF 2.1.0 (`--format sarif`), the format GitHub code scanning and other
/// static-analysis dashboards read.
///
/// One run whose `tool.driver.rules` lists the built-in rules (`input`, `schema`,
/// `output`), every policy rule, then any other rule id a finding carries, so a rule's
/// `ruleIndex` does not depend on which findings a run happened to have. Each result has
/// the finding's location as a repository-relative URI under `%SRCROOT%`, its related
/// entries with a location as `relatedLocations`, and help and related entries without a
/// location appended to the message text. Columns count Unicode scalars, which the run
/// says with `columnKind: unicodeCodePoints`.
///
/// GitHub rejects a whole upload when one result has no location, so a finding about a
/// value render generated itself is placed at its first related location (the rendered
/// file, usually) or, when it has none, at `fallbackURI`.
public struct SARIFReporter: DiagnosticReporter {
  /// The schema `$schema` names.
  public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
  /// render's home page, SARIF's `tool.driver.informationUri`. A placeholder until the
  /// project has a public repository: change it here and every `helpUri` follows.
  public static let defaultInformationURI = "https://github.com/render-gitops/render"

  /// Rule metadata, in the order written; rule ids that findings carry and this list
  /// lacks are added after it.
  public var rules: [ReportedRule]
  public var informationURI: String
  /// The rule documentation; a rule's `helpUri` is this with `#<rule id>` appended.
  public var rulesDocumentationURI: String
  /// Where a finding goes that has neither a location nor a related location (a
  /// repository-relative path, such as `render.yaml`); `nil` leaves it without one,
  /// which is valid SARIF but which GitHub code scanning does not accept.
  public var fallbackURI: String?

  public init(
    rules: [ReportedRule] = ReportedRule.all,
    informationURI: String = SARIFReporter.defaultInformationURI,
    rulesDocumentationURI: String? = nil,
    fallbackURI: String? = nil
  ) {
    self.rules = rules
    self.informationURI = informationURI
    self.rulesDocumentationURI =
      rulesDocumentationURI ?? informationURI + "/blob/main/docs/rules.md"
    self.fallbackURI = fallbackURI
  }

  public func report(
    _ diagnostics: [Diagnostic], fileNames: SourceFileNames, source: (String) -> SourceFile?
  ) -> String {
    let descriptors = ruleList(for: diagnostics)
    var indexes: [RuleID: Int] = [:]
    for (index, rule) in descriptors.enumerated() where indexes[rule.id] == nil {
      indexes[rule.id] = index
    }
    let driver = ReportJSON.object([
      ("name", .string("render")),
      ("version", .string(RenderVersion.current)),
      ("semanticVersion", .string(RenderVersion.current)),
      ("informationUri", .string(informationURI)),
      ("rules", .array(descriptors.map(descriptor))),
    ])
    let sourceRoot = ReportJSON.object([
      ("description", text("The repository root: the folder render ran in (--root)."))
    ])
    let run = ReportJSON.object([
      ("tool", .object([("driver", driver)])),
      ("originalUriBaseIds", .object([(Self.sourceRoot, sourceRoot)])),
      ("columnKind", .string("unicodeCodePoints")),
      (
        "results",
        .array(
          diagnostics.map { result($0, ruleIndex: indexes[$0.rule], fileNames: fileNames) })
      ),
    ])
    let log = ReportJSON.object([
      ("$schema", .string(Self.schemaURI)),
      ("version", .string("2.1.0")),
      ("runs", .array([run])),
    ])
    return log.text
  }

  /// `%SRCROOT%`, the base every artifact URI is relative to.
  static let sourceRoot = "%SRCROOT%"

  /// The configured rules without duplicates, then the ids only findings name, sorted.
  func ruleList(for diagnostics: [Diagnostic]) -> [ReportedRule] {
    var seen = Set<RuleID>()
    var list: [ReportedRule] = []
    for rule in rules where seen.insert(rule.id).inserted {
      list.append(rule)
    }
    let extra = Set(diagnostics.map(\.rule)).subtracting(seen).sorted()
    for id in extra {
      list.append(
        ReportedRule(
          id: id, summary: "Findings of rule '\(id)'.", rationale: "", defaultSeverity: .warning)
      )
    }
    return list
  }

  private func descriptor(_ rule: ReportedRule) -> ReportJSON {
    let known = rules.contains { $0.id == rule.id }
    var members: [(String, ReportJSON)] = [
      ("id", .string(rule.id.rawValue)),
      ("shortDescription", text(rule.summary)),
    ]
    if !rule.rationale.isEmpty {
      members.append(("fullDescription", text(rule.rationale)))
    }
    if known {
      members.append(
        ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])))
      members.append(("helpUri", .string(rulesDocumentationURI + "#" + rule.id.rawValue)))
    }
    return .object(members)
  }

  private func level(_ severity: RuleSeverity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .off: "none"
    }
  }

  private func level(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  private func result(
    _ diagnostic: Diagnostic, ruleIndex: Int?, fileNames: SourceFileNames
  ) -> ReportJSON {
    var lines = [diagnostic.message]
    var relatedLocations: [ReportJSON] = []
    for related in diagnostic.related {
      if let location = related.location, location.isKnown {
        relatedLocations.append(
          .object(
            [("id", .int(relatedLocations.count + 1))]
              + physicalLocation(fileNames.path(of: location.fileID), location)
              + [("message", text(related.message))]))
      } else {
        lines.append("note: \(related.message)")
      }
    }
    if let help = diagnostic.help {
      lines.append("help: \(help)")
    }

    var members: [(String, ReportJSON)] = [("ruleId", .string(diagnostic.rule.rawValue))]
    if let ruleIndex {
      members.append(("ruleIndex", .int(ruleIndex)))
    }
    members.append(("level", .string(level(diagnostic.severity))))
    members.append(("message", text(lines.joined(separator: "\n"))))
    if let (path, location) = primaryLocation(of: diagnostic, fileNames: fileNames) {
      members.append(("locations", .array([.object(physicalLocation(path, location))])))
    }
    if !relatedLocations.isEmpty {
      members.append(("relatedLocations", .array(relatedLocations)))
    }
    return .object(members)
  }

  /// The finding's own location, else its first related one, else the start of the
  /// fallback file; with its path.
  private func primaryLocation(
    of diagnostic: Diagnostic, fileNames: SourceFileNames
  ) -> (path: String, location: SourceLocation)? {
    if diagnostic.location.isKnown {
      return (fileNames.path(of: diagnostic.location.fileID), diagnostic.location)
    }
    for related in diagnostic.related {
      if let location = related.location, location.isKnown {
        return (fileNames.path(of: location.fileID), location)
      }
    }
    if let fallbackURI, !fallbackURI.isEmpty {
      return (fallbackURI, SourceLocation(fileID: SourceFileNames.empty, line: 1, column: 1))
    }
    return nil
  }

  /// `physicalLocation` with the artifact (`path`) and, where the column is known, the
  /// region.
  private func physicalLocation(
    _ path: String, _ location: SourceLocation
  ) -> [(String, ReportJSON)] {
    let artifact = ReportJSON.object([
      ("uri", .string(Self.uriReference(path))),
      ("uriBaseId", .string(Self.sourceRoot)),
    ])
    var region: [(String, ReportJSON)] = [("startLine", .int(location.line))]
    if location.column >= 1 {
      region.append(("startColumn", .int(location.column)))
    }
    let physical = ReportJSON.object([("artifactLocation", artifact), ("region", .object(region))])
    return [("physicalLocation", physical)]
  }

  private func text(_ string: String) -> ReportJSON {
    .object([("text", .string(string))])
  }

  /// A relative path as a URI reference (RFC 3986): bytes outside the unreserved set,
  /// `/` and a few safe sub-delimiters are percent-encoded, `:` too, so a first segment
  /// such as `c:` cannot read as a scheme.
  static func uriReference(_ path: String) -> String {
    let hex = Array("0123456789ABCDEF")
    var output = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "!"),
        UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
        UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
        UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "@"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        output += "%" + String(hex[Int(byte / 16)]) + String(hex[Int(byte % 16)])
      }
    }
    return output
  }
}
