import TestSupport
import Testing

@testable import RenderKit

/// Lists declared with `mergeKey` merge by that field across layers, keeping first
/// definition order; other lists still replace.
@Suite struct MergeKeyTests {
  static let parameters = """
    env:
      type: array
      mergeKey: name
      default: [{name: REDIS_HOST, value: redis}]
      items:
        type: object
        properties: {name: {type: string}, value: {type: string}, valueFrom: {type: object}}
        required: [name]
    containers:
      type: object
      additionalProperties:
        type: object
        properties:
          ports: {type: array, mergeKey: containerPort}
    hosts: {type: array, default: []}
    """

  func schema() throws -> ParameterSchema {
    let node = try TemplateFixture.parse(Self.parameters, file: "templates/web/template.yaml")
    let (schema, diagnostics) = ParameterSchemaParser.parseParameters(
      node, fileStart: testFiles.start(of: "templates/web/template.yaml"))
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    return schema
  }

  func merge(_ layers: [String]) throws -> Node {
    let schema = try schema()
    var values = Node.mapping([])
    for (index, layer) in layers.enumerated() {
      let node = try TemplateFixture.parse(layer, file: "layer\(index).yaml")
      values = MergePatch.apply(node, to: values, schema: schema)
    }
    return values
  }

  @Test func itemsMergeByKeyInPlaceAndNewOnesAppend() throws {
    let values = try merge([
      "env: [{name: REDIS_HOST, value: redis}, {name: CONNECTION, value: \"$(REDIS_HOST):6379\"}]",
      "env: [{name: LOG, value: debug}, {name: REDIS_HOST, value: redis-prod}]",
      "env: [{name: REDIS_HOST, value: null, valueFrom: {configMapKeyRef: {name: r, key: host}}}]",
    ])
    #expect(
      YAMLEmitter.emit(values) == """
        env:
        - name: REDIS_HOST
          valueFrom:
            configMapKeyRef:
              name: r
              key: host
        - name: CONNECTION
          value: $(REDIS_HOST):6379
        - name: LOG
          value: debug

        """)
    // The merged item keeps where its value was set.
    #expect(values["env"]?.sequence?[2]["value"]?.location.line == 1)
  }

  @Test func patchDeleteAndReplace() throws {
    let deleted = try merge([
      "env: [{name: A, value: a}, {name: B, value: b}]",
      "env: [{name: A, $patch: delete}, {name: MISSING, $patch: delete}]",
    ])
    #expect(deleted["env"]?.sequence?.compactMap { $0["name"]?.string } == ["B"])
    let replaced = try merge([
      "env: [{name: A, value: a}]",
      "env: [{$patch: replace}, {name: C, value: c}]",
    ])
    #expect(replaced["env"]?.sequence?.compactMap { $0["name"]?.string } == ["C"])
  }

  @Test func nestedListsFollowTheSchemaAndOthersReplace() throws {
    let values = try merge([
      "containers: {app: {ports: [{containerPort: 80, name: http}]}}\nhosts: [a, b]",
      "containers: {app: {ports: [{containerPort: 80, name: web}, {containerPort: 9090}]}}\nhosts: [c]",
    ])
    let ports = values["containers"]?["app"]?["ports"]?.sequence
    #expect(ports?.count == 2)
    #expect(ports?[0]["name"]?.string == "web")
    #expect(values["hosts"]?.sequence?.count == 1)
  }

  @Test func withoutASchemaListsReplace() throws {
    let base = try TemplateFixture.parse("env: [{name: A}]", file: "a.yaml")
    let layer = try TemplateFixture.parse("env: [{name: B}]", file: "b.yaml")
    #expect(MergePatch.apply(layer, to: base)["env"]?.sequence?.count == 1)
  }

  @Test func mergeKeyNeedsAList() throws {
    let node = try TemplateFixture.parse(
      "port: {type: integer, default: 1, mergeKey: name}", file: "templates/web/template.yaml")
    let (_, diagnostics) = ParameterSchemaParser.parseParameters(
      node, fileStart: testFiles.start(of: "templates/web/template.yaml"))
    #expect(
      diagnostics.map(\.message) == [
        "'mergeKey' of parameter 'port' needs 'type: array' (a list of mappings)"
      ])
  }

  @Test func layersOfAServiceMergeAKeyedListThroughTheResolver() throws {
    let result = try ResolveFixture.resolve([
      "templates/web/template.yaml": """
      parameters:
        extraEnv:
          type: array
          mergeKey: name
          default: []
          items: {type: object, properties: {name: {type: string}, value: {type: string}}}
      """,
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: 1.4.2
      values:
        extraEnv: [{name: HOST, value: a}, {name: URL, value: "http://$(HOST)"}]
      """,
      "environments/base/environment.yaml":
        "abstract: true\nnamespace: shop\ndefaults:\n  values: {extraEnv: [{name: TZ, value: UTC}]}\n",
      "environments/prod/checkout.yaml": "values:\n  extraEnv: [{name: HOST, value: b}]\n",
    ])
    #expect(result.findings.isEmpty, "\(result.findings)")
    #expect(
      result.value("extraEnv")
        == (try RepositoryFixture.node(
          "[{name: HOST, value: b}, {name: URL, value: \"http://$(HOST)\"}, {name: TZ, value: UTC}]"
        )))
  }
}
