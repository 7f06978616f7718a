import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The machine-readable reports parse as JSON and have the documented structure: what
/// consumers (scripts, GitHub code scanning) actually read, checked on the parsed value
/// rather than the text.
@Suite struct ReporterStructureTests {
  static let findings = ReporterFixture.diagnostics

  enum ParseError: Error { case notAnObject }

  static func parse(_ text: String) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    guard let object = value as? [String: Any] else { throw ParseError.notAnObject }
    return object
  }

  // MARK: JSON

  @Test func jsonHasTheDocumentedShape() throws {
    let output = JSONReporter().report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    let document = try Self.parse(output)
    #expect(Set(document.keys) == ["version", "summary", "findings"])
    #expect(document["version"] as? Int == 1)
    let summary = try #require(document["summary"] as? [String: Any])
    #expect(summary["errors"] as? Int == 3)
    #expect(summary["warnings"] as? Int == 1)

    let findings = try #require(document["findings"] as? [[String: Any]])
    try #require(findings.count == Self.findings.count)
    let required: Set<String> = [
      "severity", "rule", "message", "file", "line", "column", "related",
    ]
    for (finding, diagnostic) in zip(findings, Self.findings) {
      #expect(Set(finding.keys).subtracting(["help"]) == required)
      #expect(finding["severity"] as? String == diagnostic.severity.rawValue)
      #expect(finding["rule"] as? String == diagnostic.rule.rawValue)
      // Escaping round-trips: quotes, backslashes, newlines and non-ASCII come back as they were.
      #expect(finding["message"] as? String == diagnostic.message)
      #expect(finding["help"] as? String == diagnostic.help)
      if diagnostic.location.isKnown {
        #expect(finding["file"] as? String == diagnostic.location.testPath)
        #expect(finding["line"] as? Int == diagnostic.location.line)
        #expect(finding["column"] as? Int == diagnostic.location.column)
      } else {
        #expect(finding["file"] is NSNull)
        #expect(finding["line"] is NSNull)
        #expect(finding["column"] is NSNull)
      }
      let related = try #require(finding["related"] as? [[String: Any]])
      #expect(related.count == diagnostic.related.count)
    }

    let related = try #require(findings[0]["related"] as? [[String: Any]])
    #expect(Set(related[0].keys) == ["message", "file", "line", "column"])
    #expect(related[0]["file"] as? String == "rendered/prod/checkout/deployment.yaml")
    #expect(related[0]["line"] as? Int == 6)
    #expect(Set(related[1].keys) == ["message"])
    #expect(findings[1]["help"] == nil)
  }

  @Test func jsonEscapesEveryControlCharacter() throws {
    let awkward =
      String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
      + "\"\\/ \u{7F} \u{2028} é 😀 配置"
    let diagnostic = Diagnostic(
      .error, rule: "input", awkward, at: testFiles.start(of: "a \"b\".yaml"))
    let output = JSONReporter().report([diagnostic], fileNames: testFiles, source: { _ in nil })
    let findings = try #require(try Self.parse(output)["findings"] as? [[String: Any]])
    #expect(findings.first?["message"] as? String == awkward)
    #expect(findings.first?["file"] as? String == "a \"b\".yaml")
    #expect(output.contains("\\u0000") && output.contains("\\u001f") && output.contains("\\b"))
  }

  @Test func jsonWithoutFindings() {
    let output = JSONReporter().report([], fileNames: testFiles, source: { _ in nil })
    #expect(
      output == """
        {
          "version": 1,
          "summary": {
            "errors": 0,
            "warnings": 0
          },
          "findings": []
        }

        """)
  }

  // MARK: SARIF

  @Test func sarifHasTheStructureCodeScanningReads() throws {
    let output = ReporterFixture.sarifReporter.report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    let log = try Self.parse(output)
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    #expect(log["version"] as? String == "2.1.0")
    let runs = try #require(log["runs"] as? [[String: Any]])
    try #require(runs.count == 1)
    let run = runs[0]
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "render")
    #expect(driver["version"] as? String == RenderVersion.current)
    #expect(driver["informationUri"] as? String == "https://example.com/render")

    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ids = rules.compactMap { $0["id"] as? String }
    #expect(ids == ReporterFixture.rules.map(\.id.rawValue) + ["deprecated-api"])
    for (rule, reported) in zip(rules, ReporterFixture.rules) {
      #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == reported.summary)
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      #expect(
        level
          == ["error": "error", "warning": "warning", "off": "none"][
            reported.defaultSeverity.rawValue])
      #expect(
        rule["helpUri"] as? String == "https://example.com/render/docs/rules.md#\(reported.id)")
      let full = (rule["fullDescription"] as? [String: Any])?["text"] as? String
      #expect(full == (reported.rationale.isEmpty ? nil : reported.rationale))
    }

    let results = try #require(run["results"] as? [[String: Any]])
    try #require(results.count == Self.findings.count)
    for (result, diagnostic) in zip(results, Self.findings) {
      #expect(result["ruleId"] as? String == diagnostic.rule.rawValue)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ids[index] == diagnostic.rule.rawValue)
      #expect(
        result["level"] as? String
          == ["error": "error", "warning": "warning", "note": "note"][diagnostic.severity.rawValue])
      let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
      #expect(message.hasPrefix(diagnostic.message))
      if let help = diagnostic.help { #expect(message.hasSuffix("\nhelp: \(help)")) }

      // Every fixture finding has somewhere to point: GitHub rejects results without.
      let locations = try #require(result["locations"] as? [[String: Any]])
      try #require(locations.count == 1)
      let physical = try #require(locations[0]["physicalLocation"] as? [String: Any])
      let artifact = try #require(physical["artifactLocation"] as? [String: Any])
      #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
      let region = try #require(physical["region"] as? [String: Any])
      let expected =
        diagnostic.location.isKnown
        ? diagnostic.location : diagnostic.related.compactMap(\.location).first
      #expect(artifact["uri"] as? String == expected?.testPath)
      #expect(region["startLine"] as? Int == expected?.line)
      #expect(region["startColumn"] as? Int == expected?.column)
    }

    // Related entries with a location become relatedLocations; the others join the message.
    let first = results[0]
    let related = try #require(first["relatedLocations"] as? [[String: Any]])
    try #require(related.count == 1)
    #expect(related[0]["id"] as? Int == 1)
    #expect(
      (related[0]["message"] as? [String: Any])?["text"] as? String
        == Self.findings[0].related[0].message)
    let uri =
      ((related[0]["physicalLocation"] as? [String: Any])?["artifactLocation"]
      as? [String: Any])?["uri"] as? String
    #expect(uri == "rendered/prod/checkout/deployment.yaml")
    let text = (first["message"] as? [String: Any])?["text"] as? String
    #expect(
      text?.contains("\nnote: environment 'prod' inherits this version from 'base'\n") == true)
    #expect(results[1]["relatedLocations"] == nil)
  }

  @Test func sarifListsEveryPolicyRuleByDefault() throws {
    let reporter = SARIFReporter()
    #expect(reporter.rules.map(\.id) == ["input", "schema", "output"] + RuleCatalog.all.map(\.id))
    let log = try Self.parse(reporter.report([], fileNames: testFiles, source: { _ in nil }))
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let rules = try #require(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    #expect(rules.count == 3 + RuleCatalog.all.count)
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      let helpURI = try #require(rule["helpUri"] as? String)
      #expect(helpURI.hasSuffix("/docs/rules.md#\(id)"))
      #expect(helpURI.hasPrefix("https://"))
    }
    #expect(run["results"] as? [Any] != nil)
  }

  @Test func sarifFindingWithNowhereToPoint() throws {
    let finding = Diagnostic(.error, rule: "input", "no environments", at: .generated)
    func location(_ reporter: SARIFReporter) throws -> [String: Any]? {
      let log = try Self.parse(
        reporter.report([finding], fileNames: testFiles, source: { _ in nil }))
      let run = try #require((log["runs"] as? [[String: Any]])?.first)
      let result = try #require((run["results"] as? [[String: Any]])?.first)
      return (result["locations"] as? [[String: Any]])?.first
    }
    #expect(try location(SARIFReporter()) == nil)
    let fallback = try #require(try location(SARIFReporter(fallbackURI: "render.yaml")))
    let physical = fallback["physicalLocation"] as? [String: Any]
    #expect((physical?["artifactLocation"] as? [String: Any])?["uri"] as? String == "render.yaml")
    #expect((physical?["region"] as? [String: Any])?["startLine"] as? Int == 1)
  }

  @Test func sarifURIsArePercentEncoded() {
    #expect(SARIFReporter.uriReference("services/web/service.yaml") == "services/web/service.yaml")
    #expect(
      SARIFReporter.uriReference("services/café menu/a:b%.yaml")
        == "services/caf%C3%A9%20menu/a%3Ab%25.yaml")
  }

  // MARK: GitHub

  @Test func githubEscapesMessagesAndProperties() {
    #expect(GitHubReporter.escapeData("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad")
    #expect(GitHubReporter.escapeProperty("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad")
    let finding = Diagnostic(
      .warning, rule: "labels", "a, b: 50%",
      at: testFiles.location("services/a,b:c/service.yaml", line: 3, column: 7))
    #expect(
      GitHubReporter().report([finding], fileNames: testFiles, source: { _ in nil })
        == "::warning file=services/a%2Cb%3Ac/service.yaml,line=3,col=7,title=render [labels]::a, b: 50%25\n"
    )
  }

  @Test func githubFindingWithoutLocation() {
    let finding = Diagnostic(
      .note, rule: "unique", "generated", at: .generated,
      related: [Diagnostic.Related("here", at: testFiles.location("x.yaml", line: 1, column: 2))])
    #expect(
      GitHubReporter().report([finding], fileNames: testFiles, source: { _ in nil })
        == "::notice title=render [unique]::generated%0Ax.yaml:1:2: note: here\n")
  }

  // MARK: Text

  @Test func caretCountsTerminalCells() {
    #expect(TextReporter.cellWidth(of: "a") == 1)
    #expect(TextReporter.cellWidth(of: "é") == 1)
    #expect(TextReporter.cellWidth(of: "\u{301}") == 0)
    #expect(TextReporter.cellWidth(of: "☕") == 2)
    #expect(TextReporter.cellWidth(of: "配") == 2)
    let file = SourceFile(path: "a.yaml", text: "名前: x\n")
    let excerpt = TextReporter(colored: false).excerpt(
      at: testFiles.location("a.yaml", line: 1, column: 5), fileNames: testFiles,
      source: { _ in file })
    #expect(excerpt == "  名前: x\n        ^\n")
  }
}
