import TestSupport
import Testing

@testable import RenderKit

@Suite struct SettingsParserTests {
  private func parse(_ text: String) -> (settings: ProjectSettings, findings: [String]) {
    let repository = RepositoryFixture.repository(["render.yaml": text])
    let (settings, diagnostics) = SettingsParser.parse(repository)
    return (
      settings, RepositoryFixture.lines(diagnostics.sortedForOutput(in: testFiles), in: testFiles)
    )
  }

  @Test func withoutRenderYAMLEveryFieldHasItsDefault() {
    let (settings, diagnostics) = SettingsParser.parse(RepositoryFixture.repository([:]))
    #expect(diagnostics.isEmpty)
    #expect(settings.output == "rendered")
    #expect(settings.kubernetesVersion == "1.31")
    #expect(settings.argoCD == nil)
    #expect(settings.flux == nil)
  }

  @Test func everyField() {
    let (settings, findings) = parse(
      """
      output: deploy/out/
      kubernetesVersion: "1.30"
      schemas: [schemas/crds]
      uncheckedGroups: [example.com]
      argocd: {repoURL: https://git.example.com/platform.git, targetRevision: main, clusters: {prod-eu-1: https://10.0.0.1}}
      flux: {sourceRef: {name: platform, namespace: flux}, interval: 1m}
      """)
    #expect(findings.isEmpty)
    #expect(settings.output == "deploy/out")
    #expect(settings.kubernetesVersion == "1.30")
    #expect(settings.schemas.map(\.value) == ["schemas/crds"])
    #expect(settings.uncheckedGroups.map(\.value) == ["example.com"])
    #expect(settings.argoCD?.repoURL == "https://git.example.com/platform.git")
    #expect(settings.argoCD?.targetRevision == "main")
    #expect(settings.argoCD?.project == "default")
    #expect(settings.argoCD?.namespace == "argocd")
    #expect(settings.argoCD?.clusterServers == ["prod-eu-1": "https://10.0.0.1"])
    #expect(settings.flux?.sourceKind == "GitRepository")
    #expect(settings.flux?.sourceName == "platform")
    #expect(settings.flux?.sourceNamespace == "flux")
    #expect(settings.flux?.interval == "1m")
  }

  @Test(arguments: [
    "templates", "services/checkout", "environments/", "crds", ".git", ".render", "render.yaml",
  ])
  func outputCannotBeAnInputFolder(output: String) {
    let (settings, findings) = parse("output: \(output)\n")
    #expect(
      findings == [
        "render.yaml:1:9: the output folder cannot be '\(output)': render would write over its own inputs"
      ])
    #expect(settings.output == "rendered")
  }

  @Test(arguments: ["../rendered", "/tmp/rendered", ".", "./", "./rendered", "out/../../x", ""])
  func outputMustBeInsideTheRepository(output: String) {
    let (settings, findings) = parse("output: '\(output)'\n")
    #expect(
      findings == [
        "render.yaml:1:9: the output folder must be a folder inside the repository, not '\(output)'"
      ])
    #expect(settings.output == "rendered")
  }

  @Test func anOutputFolderNamedLikeAnInputFolderButNotOneIsFine() {
    let (settings, findings) = parse("output: templates-rendered\n")
    #expect(findings.isEmpty)
    #expect(settings.output == "templates-rendered")
  }

  @Test func unknownKeysAndMissingKeysInNestedSettings() {
    #expect(
      parse(
        """
        ouput: out
        argocd: {targetRevision: main}
        flux: {sourceRef: {kind: GitRepository, nmae: platform}}
        schemas: [../schemas]
        """
      ).findings == [
        "render.yaml:1:1: unknown key 'ouput' in render.yaml; did you mean 'output'?",
        "render.yaml:2:9: 'argocd' in render.yaml is missing 'repoURL'",
        "render.yaml:3:19: 'flux.sourceRef' in render.yaml is missing 'name'",
        "render.yaml:3:41: unknown key 'nmae' in 'flux.sourceRef' in render.yaml; did you mean 'name'?",
        "render.yaml:4:11: schema folder '../schemas' must be inside the repository",
      ])
  }

  @Test func renderYAMLHoldsOneDocument() {
    #expect(
      parse("output: a\n---\noutput: b\n").findings == [
        "render.yaml:3:1: 'render.yaml' must hold one YAML document, not 2"
      ])
  }

  @Test func anEmptyRenderYAMLIsFine() {
    let (settings, findings) = parse("# nothing to change\n")
    #expect(findings.isEmpty)
    #expect(settings.output == "rendered")
  }
}
