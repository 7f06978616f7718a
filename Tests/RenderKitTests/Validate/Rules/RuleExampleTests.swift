import TestSupport
import Testing

@testable import RenderKit

/// Every example of every rule in the catalog, run through its rule: an example is the
/// rule's documentation, so it must say what the rule really does.
@Suite struct RuleExampleTests {
  typealias Support = RuleTestSupport

  struct ExampleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleID
    var index: Int
    var example: RuleExample
    var testDescription: String {
      "\(rule) #\(index + 1) (\(example.triggers ? "fires" : "passes")): \(example.description)"
    }
  }

  static var cases: [ExampleCase] {
    RuleCatalog.all.flatMap { rule in
      rule.examples.enumerated().map { ExampleCase(rule: rule.id, index: $0, example: $1) }
    }
  }

  static func run(_ exampleCase: ExampleCase) throws -> (any PolicyRule, [Diagnostic]) {
    let rule = try #require(RuleCatalog.rule(exampleCase.rule))
    let example = exampleCase.example
    return (rule, try Support.findings(rule, example.manifests, external: example.external))
  }

  @Test(arguments: cases)
  func firesExactlyWhenTheExampleSays(_ exampleCase: ExampleCase) throws {
    let (_, findings) = try Self.run(exampleCase)
    #expect(
      findings.isEmpty != exampleCase.example.triggers,
      "expected \(exampleCase.example.triggers ? "findings" : "none"), got \(findings.map(\.message))"
    )
  }

  @Test(arguments: cases.filter(\.example.triggers))
  func findingsPointIntoTheExampleAndNameTheRenderedFile(_ exampleCase: ExampleCase) throws {
    let (rule, findings) = try Self.run(exampleCase)
    let lines = exampleCase.example.manifests.split(
      separator: "\n", omittingEmptySubsequences: false)
    try #require(!findings.isEmpty, "a triggering example must fire")
    for finding in findings {
      #expect(finding.rule == rule.id)
      #expect(finding.location.testPath == Support.file)
      #expect(
        (1...lines.count).contains(finding.location.line), "\(finding.location.testDescription)")
      #expect(
        finding.related.contains { $0.message.hasPrefix("in rendered/test/") }, "\(finding.related)"
      )
      #expect(finding.help?.isEmpty == false, "a finding says what to do: \(finding.message)")
    }
  }

  @Test(arguments: cases.filter(\.example.triggers))
  func checksOnlyTheSubjects(_ exampleCase: ExampleCase) throws {
    let rule = try #require(RuleCatalog.rule(exampleCase.rule))
    var context = Support.context(
      try Support.resources(exampleCase.example.manifests), external: exampleCase.example.external)
    context.subjects = []
    #expect(rule.check(context).isEmpty)
  }

  @Test(arguments: RuleCatalog.all.map(\.id))
  func everyRuleIsDocumentedByExamples(_ id: RuleID) throws {
    let rule = try #require(RuleCatalog.rule(id))
    #expect(rule.examples.filter(\.triggers).count >= 2, "at least two examples that fire")
    #expect(rule.examples.filter { !$0.triggers }.count >= 2, "at least two that pass")
    #expect(!rule.summary.isEmpty && !rule.summary.contains("\n"), "a one-line summary")
    #expect(rule.rationale.count > 80, "a rationale of a few sentences")
    #expect(Set(rule.examples.map(\.description)).count == rule.examples.count)
  }

  @Test func ruleIDsAreUniqueAndNotReserved() {
    let ids = RuleCatalog.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(!ids.contains("input") && !ids.contains("schema"))
  }

  @Test func workloadRulesInOrderWithTheirDefaultSeverities() {
    let rules = RuleCatalog.workloadRules.map { "\($0.id): \($0.defaultSeverity.rawValue)" }
    #expect(
      rules == [
        "image-tag: error", "resources: warning", "probes: warning", "security-context: warning",
        "plaintext-secret: error", "env-references: error", "labels: warning",
      ])
  }

  @Test func aServiceCommentRendersADocumentForThatService() throws {
    let resources = try Support.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a}
      ---
      # Shared settings.
      # service: billing

      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b}
      """)
    #expect(resources.map(\.service) == ["example", "billing"])
    #expect(
      resources.map(\.path) == [
        "rendered/test/example/configmap-a.yaml", "rendered/test/billing/configmap-b.yaml",
      ])
  }
}
