import TestSupport
import Testing

@testable import RenderKit

/// One mistake, one finding: what follows from a broken input file is not reported, and
/// input errors print before anything a later stage found.
@Suite struct RootCauseTests {
  @Test func anEnvironmentThatDoesNotParseStillExistsAndReportsOnlyItsError() async throws {
    let compilation = try await CompilerTests.compile([
      "render.yaml": "promotion: [dev, prod]\n",
      "environments/dev/environment.yaml": "inherits: base\nnamespace: [shop-dev\n",
    ])
    #expect(compilation.platform.environments["dev"] != nil)
    #expect(compilation.platform.brokenEnvironments == ["dev"])
    let findings = CompilerTests.findings(compilation)
    #expect(findings.count == 1)
    #expect(findings.first?.hasPrefix("environments/dev/environment.yaml:") == true)
    #expect(!findings.contains { $0.contains("promotion") })
  }

  @Test func anEnvironmentWithAnErrorIsNotResolvedNorAreItsChildren() async throws {
    let compilation = try await CompilerTests.compile([
      "environments/base/environment.yaml": """
      abstract: true
      namespace: Shop_Base
      """
    ])
    #expect(compilation.platform.brokenEnvironments == ["base"])
    #expect(compilation.environments["prod"] == nil)
    #expect(compilation.environments["dev"] == nil)
    #expect(
      CompilerTests.findings(compilation) == [
        "environments/base/environment.yaml:2:12: namespace 'Shop_Base' is not a DNS-1123 label"
      ])
  }

  @Test func aBrokenServiceDoesNotReportItsPatchesAsMatchingNothing() async throws {
    let compilation = try await CompilerTests.compile([
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: [1.4.2
      """
    ])
    #expect(compilation.platform.brokenServices.contains("checkout"))
    let findings = CompilerTests.findings(compilation)
    #expect(findings.count == 1)
    #expect(findings.first?.hasPrefix("services/checkout/service.yaml:") == true)
    #expect(!findings.contains { $0.contains("matches nothing") })
  }

  @Test func aMissingTemplateIsTheOnlyFinding() async throws {
    let compilation = try await CompilerTests.compile([
      "services/checkout/service.yaml": """
      template: webb
      image: ghcr.io/acme/checkout
      version: 1.4.2
      """
    ])
    #expect(compilation.platform.brokenServices.contains("checkout"))
    let findings = CompilerTests.findings(compilation)
    #expect(findings.count == 1)
    #expect(findings.first?.contains("uses template 'webb', which does not exist") == true)
  }

  @Test func aBrokenTemplateBreaksTheServicesUsingIt() async throws {
    let compilation = try await CompilerTests.compile([
      "templates/web/template.yaml": """
      parameters:
        note: {type: strng, default: none}
      """
    ])
    #expect(compilation.platform.brokenTemplates == ["web"])
    #expect(compilation.platform.brokenServices == ["checkout", "payments"])
    let findings = CompilerTests.findings(compilation)
    #expect(findings.allSatisfy { $0.hasPrefix("templates/web/template.yaml:") })
    #expect(!findings.isEmpty)
  }

  @Test func aQuotedTemplateExpressionIsReportedOnceAtTheTemplate() async throws {
    var files = RepositoryFixture.minimal
    files["templates/web/configmap.yaml"] = nil
    files["templates/web/deployment.yaml"] = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: "${ service.name }"}
      spec:
        replicas: "${ values.replicas }"
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: "ghcr.io/acme/web:1.0"}]
      """
    files["environments/dev/environment.yaml"] = "namespace: shop-dev\n"
    files["environments/prod/checkout.yaml"] = "values: {replicas: 3}\n"
    files["environments/dev/checkout.yaml"] = "values: {replicas: 1}\n"
    let compilation = await Compiler.compile(
      RepositoryFixture.repository([:], base: files), schema: bundledSchema)
    let schemaFindings = compilation.diagnostics.filter { $0.rule == "schema" }
    #expect(
      RepositoryFixture.lines(schemaFindings, in: testFiles) == [
        "templates/web/deployment.yaml:5:14: 'replicas' must be an integer, not a string"
      ])
    #expect(schemaFindings.first?.help == "remove the quotes to write an integer")
  }

  @Test func inputErrorsSortBeforeLaterStagesFindings() {
    let later = Diagnostic(
      .error, rule: "schema", "spec.replicas must be an integer",
      at: testFiles.location("a/deployment.yaml", line: 1, column: 1))
    let input = Diagnostic.input(
      "unknown key", at: testFiles.location("z/service.yaml", line: 9, column: 1))
    #expect([later, input].sortedForOutput(in: testFiles).map(\.rule) == ["input", "schema"])
  }
}
