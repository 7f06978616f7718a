import TestSupport
import Testing

@testable import RenderKit

@Suite struct PlatformParserTests {
  @Test func theMinimalPlatformParsesWithoutFindings() {
    let platform = RepositoryFixture.platform([:])
    #expect(platform.serviceNames == ["checkout"])
    #expect(platform.environmentNames == ["prod"])
    #expect(platform.templates.keys.sorted() == ["web"])
    #expect(platform.settings.output == "rendered")
  }

  @Test(arguments: [
    "Checkout", "check_out", "-checkout", "checkout-", "check.out",
    String(repeating: "a", count: 64),
  ])
  func anInvalidServiceNameIsAnErrorNamingTheFolder(name: String) throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "services/\(name)/service.yaml": "template: web\nimage: x\nversion: \"1\"\n"
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "services/\(name):1:1: service name '\(name)' is not a DNS-1123 label"
      ])
    let help = try #require(diagnostics.first?.help)
    #expect(help.contains("at most 63 characters"))
    #expect(platform.serviceNames == ["checkout"])
  }

  @Test(arguments: ["a", "0", "a-b", "web-2", "1-a", String(repeating: "a", count: 63)])
  func validDNSLabels(name: String) {
    #expect(NameRules.isDNSLabel(name))
  }

  @Test func anOverrideOfAServiceWithAnInvalidNameIsNotAService() {
    // The folder is reported; an override naming it then names no service.
    #expect(
      RepositoryFixture.findings([
        "services/Billing/service.yaml": "template: web\n",
        "environments/prod/Billing.yaml": "version: \"1\"\n",
      ]) == [
        "environments/prod/Billing.yaml:1:1: 'environments/prod/Billing.yaml' overrides 'Billing', which is not a service",
        "services/Billing:1:1: service name 'Billing' is not a DNS-1123 label",
      ])
  }

  @Test func crdsHoldOnlyCustomResourceDefinitions() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "crds/widgets.yaml": """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.acme.example}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: not-a-crd}
      ---
      just: a mapping
      """
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "crds/widgets.yaml:5:1: files in crds/ and schema folders hold CustomResourceDefinitions, not ConfigMap",
        "crds/widgets.yaml:9:1: files in crds/ and schema folders hold CustomResourceDefinitions, not documents without a kind",
      ])
    #expect(platform.customResourceDefinitions.count == 1)
  }

  @Test func findingsFromEveryFileAreCollectedInOneRun() {
    let found = RepositoryFixture.findings([
      "services/checkout/service.yaml": "template: wbe\nimgae: x\n",
      "environments/prod/environment.yaml": "namepsace: x\n",
      "render.yaml": "ouput: out\n",
    ])
    #expect(
      found.map { $0.split(separator: ":").first.map(String.init) ?? "" } == [
        "environments/prod/environment.yaml", "render.yaml", "services/checkout/service.yaml",
        "services/checkout/service.yaml",
      ], "\(found)")
  }
}
