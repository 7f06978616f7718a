import RenderKit
import TestSupport
import Testing

/// Every reporter on the same findings, compared with its golden file (SwiftLint's
/// `Canned*ReporterOutput`): a change in any output format shows up as a diff here.
@Suite struct ReporterGoldenTests {
  static let findings = ReporterFixture.diagnostics

  @Test func text() throws {
    let output = TextReporter(colored: false).report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    try ReporterSnapshot.expect(output, matches: "text.txt")
  }

  @Test func coloredText() throws {
    let output = TextReporter(colored: true).report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    try ReporterSnapshot.expect(output, matches: "text-color.txt")
  }

  @Test func json() throws {
    let output = JSONReporter().report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    try ReporterSnapshot.expect(output, matches: "json.json")
  }

  @Test func github() throws {
    let output = GitHubReporter().report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    try ReporterSnapshot.expect(output, matches: "github.txt")
  }

  @Test func sarif() throws {
    let output = ReporterFixture.sarifReporter.report(
      Self.findings, fileNames: testFiles, source: ReporterFixture.source)
    try ReporterSnapshot.expect(output, matches: "sarif.json")
  }
}
