import TestSupport
import Testing

@testable import RenderKit

@Suite struct ServiceParserTests {
  private let path = "services/checkout/service.yaml"

  private func findings(_ service: String, extra: [String: String?] = [:]) -> [String] {
    var files = extra
    files[path] = service
    return RepositoryFixture.findings(files)
  }

  @Test func aTemplateServiceParses() throws {
    let platform = RepositoryFixture.platform([
      path: """
      template: web
      image: ghcr.io/acme/checkout
      version: "1.10"
      labels: {team: payments}
      values:
        port: 9090
      patches:
        - target: {kind: ConfigMap}
          merge: {data: {extra: "1"}}
      """
    ])
    let service = try #require(platform.services["checkout"])
    guard case .template(let template) = service.source else {
      Issue.record("expected a template service, got \(service.source)")
      return
    }
    #expect(template == Located("web", at: testFiles.location(path, line: 1, column: 11)))
    #expect(service.version?.value == "1.10")
    #expect(service.image?.location == testFiles.location(path, line: 2, column: 8))
    #expect(service.labels?["team"]?.string == "payments")
    #expect(service.values?["port"]?.int == 9090)
    #expect(service.patches.count == 1)
  }

  @Test func unknownKeyHasADidYouMeanAtTheKey() {
    #expect(
      findings("template: web\nimage: ghcr.io/acme/checkout\nverison: 1.4.2\n") == [
        "\(path):3:1: unknown key 'verison' in \(path); did you mean 'version'?"
      ])
  }

  @Test func anUnquotedVersionThatIsANumberMustBeQuoted() throws {
    let (_, diagnostics) = RepositoryFixture.parse([
      path: "template: web\nimage: ghcr.io/acme/checkout\nversion: 1.10\n"
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "\(path):3:10: 'version' in \(path) must be a string, not a number (1.1)"
      ])
    #expect(diagnostics.first?.help == "quote the value to make it a string")
  }

  @Test func aServiceNeedsATemplateOrManifests() {
    #expect(
      findings("image: ghcr.io/acme/checkout\n") == [
        "\(path):1:1: \(path) must set 'template' (a folder in templates/) or 'manifests' (a folder of plain YAML)"
      ])
  }

  /// Issue 9: a templated workload with plain manifests beside it (a NetworkPolicy).
  @Test func aServiceMayHaveATemplateAndExtraManifests() {
    #expect(
      findings(
        "template: web\nmanifests: manifests/\n",
        extra: ["services/checkout/manifests/a.yaml": "kind: ConfigMap\n"]) == [])
    #expect(
      findings("template: web\nmanifests: ../x/\n") == [
        "\(path):2:12: 'manifests' must be a folder inside services/checkout/, not '../x/'"
      ])
  }

  @Test(arguments: [
    "../payments", "/etc/kubernetes", ".", "./", "manifests/../../x", "a\\b",
  ])
  func aManifestFolderMustStayInsideTheService(folder: String) {
    #expect(
      findings("manifests: '\(folder)'\n") == [
        "\(path):1:12: 'manifests' must be a folder inside services/checkout/, not '\(folder)'"
      ])
  }

  @Test func aManifestServiceReadsEveryYAMLFileBelowItsFolder() throws {
    let platform = RepositoryFixture.platform([
      path: "manifests: vendor/\nimage: docker.io/library/redis\nversion: \"7.2\"\n",
      "services/checkout/vendor/b.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: b}\n",
      "services/checkout/vendor/nested/a.yaml":
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\n",
    ])
    let service = try #require(platform.services["checkout"])
    guard case .manifests(let folder, let files) = service.source else {
      Issue.record("expected a manifests service, got \(service.source)")
      return
    }
    #expect(folder.value == "services/checkout/vendor")
    #expect(
      files.map(\.path) == [
        "services/checkout/vendor/b.yaml", "services/checkout/vendor/nested/a.yaml",
      ])
    #expect(files.map(\.documents.count) == [1, 2])
  }

  @Test func aMissingOrEmptyManifestFolderIsAnError() {
    #expect(
      findings("manifests: vendor\n") == [
        "\(path):1:12: manifest folder 'services/checkout/vendor' does not exist"
      ])
    let empty = RepositoryFixture.findings(
      [path: "manifests: vendor\n"], directories: ["services/checkout/vendor"])
    #expect(
      empty == ["\(path):1:12: manifest folder 'services/checkout/vendor' has no *.yaml files"])
  }

  @Test func aManifestServiceTakesNoValues() {
    #expect(
      findings(
        "manifests: vendor\nvalues:\n  replicas: 2\n",
        extra: [
          "services/checkout/vendor/a.yaml":
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        ]) == [
          "\(path):3:3: 'values' needs a template: a 'manifests' service renders its files as they are"
        ])
  }

  @Test func aServiceFolderWithoutServiceYAML() {
    #expect(
      RepositoryFixture.findings([path: nil, "services/checkout/README.yml": "x: 1\n"]) == [
        "services/checkout:1:1: service folder 'services/checkout' has no service.yaml"
      ])
    #expect(
      RepositoryFixture.findings([path: nil, "services/checkout/service.yml": "template: web\n"])
        == [
          "services/checkout:1:1: service folder 'services/checkout' has no service.yaml (found service.yml; rename it)"
        ])
  }

  @Test func anUnknownTemplateSuggestsTheNearestOne() {
    #expect(
      findings("template: wbe\nimage: ghcr.io/acme/checkout\nversion: 1.4.2\n") == [
        "\(path):1:11: service 'checkout' uses template 'wbe', which does not exist; did you mean 'web'?"
      ])
  }

  @Test func aTemplateFolderThatFailedToParseIsNotReportedTwice() {
    // The template folder exists but has no template.yaml: that is the only finding.
    #expect(
      RepositoryFixture.findings(["templates/web/template.yaml": nil]) == [
        "templates/web:1:1: template folder 'templates/web' has no template.yaml"
      ])
  }

  @Test func labelsMustBeStrings() {
    #expect(
      findings("template: web\nimage: ghcr.io/acme/checkout\nversion: 1.4.2\nlabels: {tier: 1}\n")
        == ["\(path):4:16: 'labels.tier' in \(path) must be a string, not an integer"])
  }

  @Test func aYAMLErrorIsReportedWhereItIs() {
    let found = findings("template: web\ntemplate: api\n")
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("\(path):2:") == true, "\(found)")
    #expect(found.first?.contains("template") == true, "\(found)")
  }

  @Test func twoDocumentsInServiceYAMLAreAnError() {
    #expect(
      findings("template: web\n---\ntemplate: web\n") == [
        "\(path):3:1: '\(path)' must hold one YAML document, not 2"
      ])
  }
}
