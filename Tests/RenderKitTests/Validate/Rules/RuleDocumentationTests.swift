import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// docs/rules.md is generated from the rules; it must be what the code says.
@Suite struct RuleDocumentationTests {

  @Test func committedPageIsUpToDate() throws {
    let generated = RuleDocumentation.markdown()
    // RECORD_SNAPSHOTS=1 swift test --filter RuleDocumentation re-writes it.
    try GoldenFile.expect(generated, matches: "docs/rules.md")
  }

  @Test func documentsEveryRuleAndExample() {
    let page = RuleDocumentation.markdown()
    // Prose is wrapped; compare it with the line breaks taken out.
    let prose = page.replacingOccurrences(of: "\n", with: " ")
    for rule in RuleCatalog.all {
      #expect(prose.contains("## `\(rule.id)`  \(rule.summary) "))
      #expect(page.contains("| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity.rawValue) |"))
      #expect(
        prose.contains(
          "Default severity: **\(rule.defaultSeverity.rawValue)**.  \(rule.rationale) "))
      for example in rule.examples {
        #expect(
          prose.contains("**\(example.triggers ? "Fires" : "Passes")**: \(example.description)"),
          "\(rule.id): \(example.description)")
        #expect(page.contains("```yaml\n\(example.manifests)\n```\n"))
      }
    }
  }

  @Test func wrapsProseAtEightyEightColumns() {
    let text = String(repeating: "word ", count: 40) + String(repeating: "x", count: 100)
    let lines = RuleDocumentation.wrap(text).split(separator: "\n")
    #expect(lines.map(\.count) == [84, 84, 29, 100])
    #expect(lines.last?.count == 100)
    #expect(lines.joined(separator: " ") == text.trimmingCharacters(in: .whitespaces))
  }

  @Test func explainsConfiguration() {
    let page = RuleDocumentation.markdown()
    for term in ["`input`", "`schema`", "policy:", "ignore:", "requiredLabels", "--strict"] {
      #expect(page.contains(term), "\(term)")
    }
  }

  struct StubRule: PolicyRule {
    let id: RuleID = "stub"
    let summary = "Pipes | are escaped\nand lines joined."
    let rationale = "Because."
    let defaultSeverity = RuleSeverity.off
    let examples = [
      RuleExample(
        "needs a Secret", triggers: false, external: ["Secret/db", "ConfigMap/x"],
        manifests: "kind: Pod")
    ]
    func check(_ context: ValidationContext) -> [Diagnostic] { [] }
  }

  @Test func formatsTableCellsAndExternalObjects() {
    let page = RuleDocumentation.markdown(rules: [StubRule()])
    #expect(page.contains("| [`stub`](#stub) | off | Pipes \\| are escaped and lines joined. |\n"))
    #expect(
      page.contains(
        """
        **Passes**: needs a Secret, with `external: [{kind: Secret, name: db}, {kind: ConfigMap,
        name: x}]` in environment.yaml.

        ```yaml
        kind: Pod
        ```

        """))
  }
}
