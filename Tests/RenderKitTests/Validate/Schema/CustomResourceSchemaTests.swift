import TestSupport
import Testing

@testable import RenderKit

/// Custom resources validated against the `openAPIV3Schema` of their CRD.
@Suite struct CustomResourceSchemaTests {
  typealias Support = SchemaTestSupport

  static let widgetCRD = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata:
      name: widgets.example.com
    spec:
      group: example.com
      names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
      scope: Namespaced
      versions:
      - name: v1
        served: true
        storage: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              apiVersion: {type: string}
              kind: {type: string}
              metadata: {type: object}
              spec:
                type: object
                required: [size]
                properties:
                  size: {type: integer, minimum: 1, maximum: 10}
                  pullPolicy: {type: string, enum: [Always, IfNotPresent, Never]}
                  port:
                    x-kubernetes-int-or-string: true
                    anyOf: [{type: integer}, {type: string}]
                  name: {type: string, pattern: '^[a-z]+$', maxLength: 10}
                  note: {type: string, nullable: true}
                  owner: {type: string}
                  settings: {type: object, x-kubernetes-preserve-unknown-fields: true}
                  labels: {type: object, additionalProperties: {type: string}}
                  template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                  endpoints:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [host, port]
                    items:
                      type: object
                      required: [host]
                      properties:
                        host: {type: string}
                        port: {type: integer}
                  tags: {type: array, x-kubernetes-list-type: set, items: {type: string}}
                  steps:
                    type: array
                    x-kubernetes-patch-strategy: merge
                    x-kubernetes-patch-merge-key: id
                    items: {type: object, properties: {id: {type: string}}}
                  source:
                    type: object
                    oneOf: [{required: [git]}, {required: [image]}]
                    properties:
                      git: {type: string}
                      image: {type: string}
              status: {type: object, x-kubernetes-preserve-unknown-fields: true}
      - name: v1alpha1
        served: false
        storage: false
        schema: {openAPIV3Schema: {type: object}}
    """

  static func schema() throws -> KubernetesSchema {
    let added = bundledSchema.adding(crds: [
      try Support.node(widgetCRD, file: "crds/widget.yaml")
    ])
    #expect(added.diagnostics.isEmpty)
    return added.schema
  }

  static func findings(_ yaml: String) throws -> [Diagnostic] {
    try Support.findings(yaml, schema: schema())
  }

  @Test func validCustomResourcePasses() throws {
    let schema = try Self.schema()
    #expect(schema.hasSchema(apiVersion: "example.com/v1", kind: "Widget"))
    // Not served: cannot be created, so no schema.
    #expect(!schema.hasSchema(apiVersion: "example.com/v1alpha1", kind: "Widget"))
    // Adding CRDs does not change the bundled schema.
    #expect(
      !(bundledSchema).hasSchema(apiVersion: "example.com/v1", kind: "Widget"))
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata:
        name: blue
        namespace: shop
        labels: {app: shop}
      spec:
        size: 3
        pullPolicy: IfNotPresent
        port: http
        name: blue
        note: null
        owner: null
        settings: {anything: [goes, {here: 1}]}
        labels: {tier: web}
        template:
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: inner}
          data: {free: form}
        endpoints:
        - {host: a.example.com, port: 80}
        - {host: a.example.com, port: 81}
        tags: [a, b]
        source: {git: https://example.com/repo.git}
      status: {observed: 1}
      """)
    #expect(Support.summary(findings) == [])
  }

  @Test func typoInCustomResourceFieldIsCaught() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      spec:
        size: 3
        pullPolicyy: Always
        source: {image: x}
      """)
    let finding = try #require(findings.first)
    #expect(
      Support.summary(findings) == [
        "6:3: unknown field 'pullPolicyy' in 'spec'; did you mean 'pullPolicy'?"
      ])
    #expect(
      finding.related.map(\.message) == [
        "in rendered/prod/checkout/resource.yaml at spec.pullPolicyy"
      ])
  }

  @Test func customResourceMetadataIsCheckedAsObjectMeta() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue, lables: {app: shop}}
      spec: {size: 1, source: {git: x}}
      extra: true
      """)
    #expect(
      Support.summary(findings) == [
        "3:24: unknown field 'lables' in ObjectMeta; did you mean 'labels'?",
        "5:1: unknown field 'extra' in Widget",
      ])
  }

  @Test func badEnumValueListsTheAllowedValues() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      spec: {size: 1, pullPolicy: Always2, source: {git: x}}
      """)
    #expect(
      Support.summary(findings) == ["4:29: 'Always2' is not one of Always, IfNotPresent, Never"])
  }

  @Test func valueValidationsOfCustomResources() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      spec:
        size: 11
        port: 80.5
        name: Blue-Widget-Long
        labels: {tier: 1}
        source: {}
      """)
    #expect(
      Support.summary(findings) == [
        "5:9: 'size' must be at most 10, not 11",
        "6:9: 'port' must be an integer or a string, not a number (80.5)",
        "7:9: 'name' must be at most 10 characters long, not 16",
        #"7:9: 'name' ("Blue-Widget-Long") does not match the pattern ^[a-z]+$"#,
        "8:18: 'tier' must be a string, not an integer (1)",
        "9:11: 'source' must set exactly one of 'git', 'image'",
      ])
  }

  /// Every bound `Limits` keeps, each broken once: the exclusive bounds both as
  /// OpenAPI 3.0's flag and as JSON Schema's number.
  @Test func everyLimitKeywordIsChecked() throws {
    let crd = SampleCRD.gadgets(
      """
                    low: {type: integer, minimum: 2, exclusiveMinimum: true}
                    high: {type: number, exclusiveMaximum: 5}
                    step: {type: integer, multipleOf: 3}
                    code: {type: string, minLength: 2}
                    list: {type: array, minItems: 2, maxItems: 3, items: {type: integer}}
                    map: {type: object, minProperties: 1, additionalProperties: {type: string}}
                    more: {type: object, maxProperties: 1, additionalProperties: {type: string}}
      """)
    let schema = bundledSchema.adding(crds: [
      try Support.node(crd, file: "crds/gadget.yaml")
    ])
    #expect(schema.diagnostics.isEmpty)
    let findings = try Support.findings(
      """
      apiVersion: example.com/v1
      kind: Gadget
      metadata: {name: blue}
      spec:
        low: 2
        high: 5
        step: 4
        code: a
        list: [1]
        map: {}
        more: {a: b, c: d}
      """, schema: schema.schema)
    #expect(
      Support.summary(findings) == [
        "5:8: 'low' must be greater than 2, not 2",
        "6:9: 'high' must be less than 5, not 5",
        "7:9: 'step' must be a multiple of 3, not 4",
        "8:9: 'code' must be at least 2 characters long, not 1",
        "9:9: 'list' must have at least 2 items, not 1",
        "10:8: 'map' must have at least 1 field, not 0",
        "11:9: 'more' must have at most 1 field, not 2",
      ])
    let within = """
      apiVersion: example.com/v1
      kind: Gadget
      metadata: {name: green}
      spec: {low: 3, high: 4.5, step: 6, code: ab, list: [1, 2, 3], map: {a: b}, more: {}}
      """
    #expect(try Support.findings(within, schema: schema.schema).isEmpty)
    let tooMany = try Support.findings(
      within.replacing("[1, 2, 3]", with: "[1, 2, 3, 4]"), schema: schema.schema)
    #expect(Support.summary(tooMany) == ["4:52: 'list' must have at most 3 items, not 4"])
  }

  @Test func missingRequiredAndNullOfNonNullableField() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      spec:
        size: null
        source: {git: a, image: b}
      """)
    // The API server prunes the null, so `size` is missing rather than of the wrong type.
    #expect(
      Support.summary(findings) == [
        "5:3: missing required field 'size' in 'spec'",
        "6:11: 'source' must set only one of 'git', 'image'",
      ])
  }

  @Test func listMapAndSetItemsMustBeUnique() throws {
    let findings = try Self.findings(
      """
      apiVersion: example.com/v1
      kind: Widget
      metadata: {name: blue}
      spec:
        size: 1
        source: {git: x}
        endpoints:
        - {host: a, port: 80}
        - {host: a, port: 81}
        - {host: a, port: 80}
        tags: [x, y, x]
      """)
    #expect(
      Support.summary(findings) == [
        #"10:5: 'endpoints' has two items with host "a", port "80" ([0] and [2])"#,
        "11:16: 'tags' must not repeat an item: [2] equals [0]",
      ])
    #expect(
      findings.first?.related.map(\.message) == [
        "in rendered/prod/checkout/resource.yaml at spec.endpoints[2]"
      ])
  }

  @Test func problemCRDsAreReportedAndSkipped() throws {
    let crds = try [
      Support.node(
        "apiVersion: apiextensions.k8s.io/v1beta1\nkind: CustomResourceDefinition\nmetadata: {name: old.example.com}\n",
        file: "crds/old.yaml"),
      Support.node(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec:
          group: example.com
          names: {kind: Gadget}
          versions:
          - {name: v1, served: true}
          - name: v2
            served: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      mode: {type: strnig}
                      code: {type: string, pattern: '(unclosed'}
        """, file: "crds/gadget.yaml"),
      Support.node(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: deployments.apps}
        spec:
          group: apps
          names: {kind: Deployment}
          versions:
          - {name: v1, served: true, schema: {openAPIV3Schema: {type: object}}}
        """, file: "crds/clash.yaml"),
      Support.node("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", file: "crds/cm.yaml"),
    ]
    let (schema, diagnostics) = bundledSchema.adding(crds: crds)
    #expect(
      diagnostics.map { "\(testFiles.describe($0.location)): \($0.rule): \($0.message)" } == [
        "crds/old.yaml:1:13: input: CustomResourceDefinition 'old.example.com' uses apiVersion 'apiextensions.k8s.io/v1beta1'; only apiextensions.k8s.io/v1 is supported",
        "crds/gadget.yaml:8:5: input: version v1 of CustomResourceDefinition 'gadgets.example.com' has no schema.openAPIV3Schema",
        "crds/clash.yaml:8:5: input: apps/v1 Deployment is already defined by Kubernetes",
        "crds/cm.yaml:2:7: input: expected a CustomResourceDefinition, found a ConfigMap",
        "crds/gadget.yaml:18:28: input: unknown type 'strnig'",
        "crds/gadget.yaml:19:46: input: pattern \"(unclosed\" is not valid RE2 syntax, which the API server uses: missing closing `)` for the group opened here",
      ])
    #expect(!schema.hasSchema(apiVersion: "example.com/v1", kind: "Gadget"))
    #expect(schema.hasSchema(apiVersion: "example.com/v2", kind: "Gadget"))
    // Extending the extended schema reports only what the new CRDs bring.
    let (again, moreDiagnostics) = schema.adding(crds: [])
    #expect(moreDiagnostics.isEmpty)
    #expect(again.hasSchema(apiVersion: "example.com/v2", kind: "Gadget"))
  }

  @Test func sameKindFromTwoCRDsIsReported() throws {
    let crd = try Support.node(Self.widgetCRD, file: "crds/widget.yaml")
    let (_, diagnostics) = bundledSchema.adding(crds: [crd, crd])
    #expect(
      diagnostics.map(\.message) == [
        "example.com/v1 Widget is already defined by CustomResourceDefinition 'widgets.example.com'"
      ])
  }
}
