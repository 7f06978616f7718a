import TestSupport
import Testing

@testable import RenderKit

@Suite struct ExplainTests {
  static let files: [String: String] = [
    "templates/web/template.yaml": """
    parameters:
      replicas: {type: integer, default: 1}
      port: {type: integer, default: 8080}
    """,
    "templates/web/deployment.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: "${ service.name }"}
    spec:
      replicas: ${ values.replicas }
      selector: {matchLabels: {app: "${ service.name }"}}
      template:
        metadata: {labels: {app: "${ service.name }"}}
        spec:
          containers:
          - name: app
            image: ${ service.imageRef }
            ports: [{containerPort: "${ values.port }"}]
    """,
    "services/api/service.yaml": """
    template: web
    image: ghcr.io/acme/api
    version: 1.0.0
    values:
      replicas: 2
    """,
    "environments/base/environment.yaml": """
    abstract: true
    defaults:
      values: {replicas: 3}
    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop
    services:
      api:
        version: 1.1.0
        values: {replicas: 5}
    patches:
    - target: {kind: Deployment}
      merge: {spec: {template: {spec: {priorityClassName: high}}}}
    """,
  ]

  func compile() async throws -> Compilation {
    var directories: Set<String> = []
    for path in Self.files.keys {
      var parts = path.split(separator: "/").dropLast()
      while !parts.isEmpty {
        directories.insert(parts.joined(separator: "/"))
        parts = parts.dropLast()
      }
    }
    let repository = Repository(
      root: "/repo",
      files: Self.files.reduce(into: [:]) { $0[$1.key] = SourceFile(path: $1.key, text: $1.value) },
      directories: directories, fileNames: testFiles)
    return await Compiler.compile(repository, schema: bundledSchema)
  }

  func explainer() async throws -> FieldExplainer {
    let compilation = try await compile()
    let resolved = try #require(compilation.services["prod"]?["api"])
    return FieldExplainer(
      platform: compilation.platform, resolved: resolved,
      resources: compilation.resources["prod"] ?? [])
  }

  @Test func everyLayerOfAValueInOrder() async throws {
    let compilation = try await compile()
    let resolved = try #require(compilation.services["prod"]?["api"])
    let histories = ValueExplainer.histories(for: resolved)
    let replicas = try #require(histories.first { $0.path == "values.replicas" })
    #expect(replicas.value?.int == 5)
    #expect(
      replicas.settings.map(\.layer) == [
        "template default", "service", "defaults of base", "override in prod",
      ])
    #expect(
      replicas.settings.map(\.location.testDescription) == [
        "templates/web/template.yaml:2:38", "services/api/service.yaml:5:13",
        "environments/base/environment.yaml:3:22", "environments/prod/environment.yaml:6:24",
      ])
    let version = try #require(histories.first { $0.path == "version" })
    #expect(version.settings.map(\.layer) == ["service", "override in prod"])
    #expect(version.winner?.value?.string == "1.1.0")
  }

  @Test func fieldShowsValueTemplateAndLayers() async throws {
    let explanation = try await explainer().explain("Deployment/api:spec.replicas").get()
    #expect(explanation.value.int == 5)
    #expect(explanation.origin.testDescription == "environments/prod/environment.yaml:6:24")
    #expect(explanation.expression?.testDescription == "templates/web/deployment.yaml:5:13")
    #expect(explanation.patch == nil)
    #expect(explanation.history?.path == "values.replicas")
    #expect(explanation.renderedPath == "rendered/prod/api/deployment-api.yaml")
  }

  @Test func fieldSetByAPatchNamesThePatch() async throws {
    let explainer = try await explainer()
    let explanation = try explainer.explain(
      "Deployment/api:spec.template.spec.priorityClassName"
    ).get()
    #expect(explanation.patch?.testDescription == "environments/prod/environment.yaml:8:3")
    #expect(explanation.expression == nil)
    let image = try explainer.explain(
      "Deployment/api:spec.template.spec.containers[name=app].image"
    ).get()
    #expect(image.value.string == "ghcr.io/acme/api:1.1.0")
    #expect(image.history?.path == "version")
  }

  @Test func unknownResourceAndFieldSuggest() async throws {
    let explainer = try await explainer()
    guard case .failure(let noResource) = explainer.explain("Deployment/apu:spec.replicas") else {
      Issue.record("expected a failure")
      return
    }
    #expect(noResource.description.contains("did you mean 'Deployment/api'?"))
    guard case .failure(let noField) = explainer.explain("Deployment/api:spec.replicsa") else {
      Issue.record("expected a failure")
      return
    }
    #expect(
      noField.description == "Deployment/api has no field spec.replicsa; did you mean 'replicas'?")
  }

  @Test(arguments: [
    ("spec.replicas", [FieldPath.Step.key("spec"), .key("replicas")]),
    ("a[0].b", [.key("a"), .index(0), .key("b")]),
    (
      "metadata.labels[\"app.kubernetes.io/name\"]",
      [.key("metadata"), .key("labels"), .key("app.kubernetes.io/name")]
    ),
    (
      "containers[name=app].image",
      [.key("containers"), .match(key: "name", value: "app"), .key("image")]
    ),
  ])
  func fieldPathsParse(_ text: String, _ steps: [FieldPath.Step]) throws {
    #expect(try FieldPath.parse(text).get().steps == steps)
  }

  @Test(arguments: ["", "a[", "a[x]", "a[0]b"])
  func badFieldPathsAreRejected(_ text: String) {
    guard case .failure = FieldPath.parse(text) else {
      Issue.record("'\(text)' should not parse")
      return
    }
  }
}
