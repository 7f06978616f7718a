import TestSupport
import Testing

@testable import RenderKit

@Suite struct TemplateParserTests {
  private let definition = "templates/web/template.yaml"

  @Test func aTemplateParsesWithItsFilesSortedAndItsConditions() throws {
    let platform = RepositoryFixture.platform([
      definition: """
      description: HTTP service
      parameters:
        ingress: {type: object, default: null}
      files:
        ingress.yaml: {when: values.ingress != null}
      """,
      "templates/web/ingress.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n",
      "templates/web/service.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n",
    ])
    let template = try #require(platform.templates["web"])
    #expect(template.description == "HTTP service")
    #expect(
      template.files.map(\.path) == [
        "templates/web/configmap.yaml", "templates/web/ingress.yaml", "templates/web/service.yaml",
      ])
    #expect(template.files.map { $0.condition != nil } == [false, true, false])
    #expect(template.parameters.properties.map(\.name) == ["ingress"])
  }

  @Test func aTemplateFolderWithoutTemplateYAML() throws {
    let (_, diagnostics) = RepositoryFixture.parse([definition: nil])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "templates/web:1:1: template folder 'templates/web' has no template.yaml"
      ])
    #expect(
      diagnostics.first?.help == "add templates/web/template.yaml with the template's parameters")
  }

  @Test func filesNamingAMissingFileSuggestsTheNearestFile() {
    #expect(
      RepositoryFixture.findings([
        definition: "parameters: {}\nfiles:\n  configmpa.yaml: {when: true}\n"
      ]) == [
        "\(definition):3:3: 'files' names 'configmpa.yaml', which is not a template file in templates/web; did you mean 'configmap.yaml'?"
      ])
  }

  @Test func templateYAMLItselfIsNotATemplateFile() {
    #expect(
      RepositoryFixture.findings([definition: "files:\n  template.yaml: {when: true}\n"]) == [
        "\(definition):2:3: 'files' names 'template.yaml', which is not a template file in templates/web"
      ])
  }

  @Test func unknownKeysInTemplateYAMLAndInFilesEntries() {
    #expect(
      RepositoryFixture.findings([
        definition: "parameter: {}\nfiles:\n  configmap.yaml: {wehn: true}\n"
      ]) == [
        "\(definition):1:1: unknown key 'parameter' in \(definition); did you mean 'parameters'?",
        "\(definition):3:20: unknown key 'wehn' in 'files.configmap.yaml' in \(definition); did you mean 'when'?",
      ])
  }

  @Test func aConditionThatDoesNotParseIsAnError() {
    let found = RepositoryFixture.findings([
      definition: "files:\n  configmap.yaml: {when: values.port ==}\n"
    ])
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("\(definition):2:") == true, "\(found)")
  }

  @Test func aTemplateWithoutManifestTemplates() {
    #expect(
      RepositoryFixture.findings([
        "templates/web/configmap.yaml": nil, "templates/web/notes.json": "{}\n",
      ]) == [
        "templates/web/notes.json:1:1: 'templates/web/notes.json' is JSON; template files are YAML (.yaml or .yml)",
        "\(definition):1:1: template 'web' has no manifest templates (*.yaml beside template.yaml)",
      ])
  }

  /// Issue 10 item 3: a `.yml` template file was skipped with a warning.
  @Test func aYmlTemplateFileIsATemplate() {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "templates/web/configmap.yaml": nil,
      "templates/web/configmap.yml": "kind: ConfigMap\nmetadata: {name: a}\n",
    ])
    #expect(RepositoryFixture.lines(diagnostics, in: testFiles) == [])
    #expect(platform.templates["web"]?.files.map(\.path) == ["templates/web/configmap.yml"])
  }

  @Test func anInvalidTemplateNameIsAnErrorNamingTheFolder() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "templates/Web_App/template.yaml": "parameters: {}\n",
      "templates/Web_App/a.yaml": "kind: ConfigMap\n",
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "templates/Web_App:1:1: template name 'Web_App' is not a DNS-1123 label"
      ])
    #expect(platform.templates.keys.sorted() == ["web"])
  }

  @Test func aTemplateDocumentThatIsNotYAML() {
    let found = RepositoryFixture.findings([
      "templates/web/configmap.yaml": "kind: ConfigMap\nmetadata: {name: [}\n"
    ])
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("templates/web/configmap.yaml:2:") == true, "\(found)")
  }
}
