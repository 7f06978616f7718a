import TestSupport
import Testing

@testable import RenderKit

@Suite struct OverrideParserTests {
  private let file = "environments/prod/checkout.yaml"

  private func parse(
    _ text: String
  ) throws -> (
    override: ServiceOverride, diagnostics: [Diagnostic]
  ) {
    let node = try RepositoryFixture.node(text, file: file)
    let (override, diagnostics) = OverrideParser.parse(
      node, service: "checkout", file: file, location: testFiles.start(of: file), subject: file)
    return (override, diagnostics.sortedForOutput(in: testFiles))
  }

  @Test func everyFieldAnOverrideMaySet() throws {
    let (override, diagnostics) = try parse(
      """
      version: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      image: ghcr.io/acme/checkout
      namespace: payments
      labels: {track: canary}
      values: {replicas: 5}
      enabled: false
      patches:
        - target: {kind: Deployment}
          json: [{op: add, path: /spec/paused, value: true}]
      """)
    #expect(diagnostics.isEmpty)
    #expect(override.service == "checkout")
    #expect(override.version?.value.hasPrefix("sha256:") == true)
    #expect(override.version?.location == testFiles.location(file, line: 1, column: 10))
    #expect(override.image?.value == "ghcr.io/acme/checkout")
    #expect(override.namespace?.value == "payments")
    #expect(override.labels?["track"]?.string == "canary")
    #expect(override.values?["replicas"]?.int == 5)
    #expect(override.enabled?.value == false)
    #expect(override.patches.count == 1)
  }

  @Test func anEmptyOverrideIsFine() {
    let (override, diagnostics) = OverrideParser.parse(
      .null(at: testFiles.start(of: file)), service: "checkout", file: file,
      location: testFiles.start(of: file),
      subject: file)
    #expect(diagnostics.isEmpty)
    #expect(override.version == nil)
  }

  @Test func serviceOnlyKeysAreUnknownInAnOverride() throws {
    #expect(
      RepositoryFixture.lines(
        try parse("template: web\nversion: 1.2.3\n").diagnostics, in: testFiles) == [
          "\(file):1:1: unknown key 'template' in \(file)"
        ])
  }

  @Test func wrongTypesAreReportedWithTheQuoteHintWhereQuotingHelps() throws {
    let diagnostics = try parse("version: 2\nenabled: \"false\"\nvalues: 3\n").diagnostics
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "\(file):1:10: 'version' in \(file) must be a string, not an integer (2)",
        "\(file):2:10: 'enabled' in \(file) must be true or false, not a string (\"false\")",
        "\(file):3:9: 'values' in \(file) must be a mapping, not an integer (3)",
      ])
    #expect(diagnostics.map(\.help) == ["quote the value to make it a string", nil, nil])
  }

  @Test func anInvalidPatchIsReportedInTheOverride() throws {
    let lines = RepositoryFixture.lines(
      try parse("patches:\n  - target: {kind: Deployment}\n").diagnostics, in: testFiles)
    #expect(lines.count == 1, "\(lines)")
    #expect(lines.first?.hasPrefix("\(file):2:5:") == true, "\(lines)")
  }
}
