import TestSupport
import Testing

@testable import RenderKit

/// SPEC.md section 3: template defaults < service.yaml < each environment's `defaults`
/// root to leaf < each environment's override root to leaf.
@Suite struct LayeringTests {
  /// One parameter per layer; each layer sets its own parameter and every later one, so
  /// the value of a parameter names the last layer that may set it.
  static let sixLayers: [String: String?] = [
    "templates/web/template.yaml": """
    parameters:
      t: {type: string, default: template}
      s: {type: string, default: template}
      bd: {type: string, default: template}
      pd: {type: string, default: template}
      bo: {type: string, default: template}
      po: {type: string, default: template}
    """,
    "services/checkout/service.yaml": """
    template: web
    image: ghcr.io/acme/checkout
    version: 1.4.2
    values:
      s: service
      bd: service
      pd: service
      bo: service
      po: service
    """,
    "environments/base/environment.yaml": """
    abstract: true
    namespace: shop
    defaults:
      values: {bd: base-defaults, pd: base-defaults, bo: base-defaults, po: base-defaults}
    services:
      checkout:
        values: {bo: base-override, po: base-override}
    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop-prod
    defaults:
      values: {pd: prod-defaults, bo: prod-defaults, po: prod-defaults}
    """,
    "environments/prod/checkout.yaml": """
    values:
      po: prod-override
    """,
  ]

  @Test func eachLayerWinsOverTheLayersBeforeIt() throws {
    let result = try ResolveFixture.resolve(Self.sixLayers)
    #expect(result.findings.isEmpty)
    #expect(
      result.values
        == (try RepositoryFixture.node(
          """
          t: template
          s: service
          bd: base-defaults
          pd: prod-defaults
          bo: base-override
          po: prod-override
          """)))
  }

  @Test func anAncestorsOverrideWinsOverTheLeafsDefaults() throws {
    // Layer 4 (every override) comes after layer 3 (every environment's defaults), so
    // base's override of checkout beats prod's defaults for all services.
    let result = try ResolveFixture.resolve(Self.sixLayers)
    #expect(result.value("bo")?.string == "base-override")
  }

  @Test func everyResolvedValueRemembersTheLineThatSetIt() throws {
    let result = try ResolveFixture.resolve(Self.sixLayers)
    #expect(result.origin("t") == "templates/web/template.yaml:2")
    #expect(result.origin("s") == "services/checkout/service.yaml:5")
    #expect(result.origin("bd") == "environments/base/environment.yaml:4")
    #expect(result.origin("pd") == "environments/prod/environment.yaml:4")
    #expect(result.origin("bo") == "environments/base/environment.yaml:7")
    #expect(result.origin("po") == "environments/prod/checkout.yaml:2")
    // The column too: the value itself, not its key.
    #expect(
      result.value("po")?.location
        == testFiles.location("environments/prod/checkout.yaml", line: 2, column: 7))
  }

  @Test func theLayersAreListedInMergeOrderForExplain() throws {
    let result = try ResolveFixture.resolve(Self.sixLayers)
    let layers = result.service.layers.map {
      "\($0.kind.rawValue) | \($0.file) | \($0.environment ?? "-") | "
        + ($0.values.mapping?.map(\.key) ?? []).joined(separator: " ")
    }
    #expect(
      layers == [
        "template defaults | templates/web/template.yaml | - | t s bd pd bo po",
        "service | services/checkout/service.yaml | - | s bd pd bo po",
        "environment defaults | environments/base/environment.yaml | base | bd pd bo po",
        "environment defaults | environments/prod/environment.yaml | prod | pd bo po",
        "environment override | environments/base/environment.yaml | base | bo po",
        "environment override | environments/prod/checkout.yaml | prod | po",
      ])
  }

  @Test func anotherEnvironmentOfTheChainSeesOnlyItsOwnLayers() throws {
    var files = Self.sixLayers
    files["environments/staging/environment.yaml"] = "inherits: base\nnamespace: shop-staging\n"
    let result = try ResolveFixture.resolve(files, in: "staging")
    #expect(result.value("pd")?.string == "base-defaults")
    #expect(result.value("po")?.string == "base-override")
  }

  @Test func mapsMergeDeeplyKeyByKey() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: 1.4.2
      values:
        env: {A: service, B: service}
        ingress: {host: shop.example.com, tls: {secret: service-tls}}
      """,
      "environments/prod/checkout.yaml": """
      values:
        env: {B: prod, C: prod}
        ingress: {path: /shop}
      """,
    ])
    #expect(result.findings.isEmpty)
    // The template default {LOG_LEVEL: info} is a layer like the others: merged into.
    #expect(
      result.value("env")
        == (try RepositoryFixture.node("{LOG_LEVEL: info, A: service, B: prod, C: prod}")))
    #expect(result.value("env")?.mapping?.map(\.key) == ["LOG_LEVEL", "A", "B", "C"])
    #expect(result.origin("env.A") == "services/checkout/service.yaml:5")
    #expect(result.origin("env.B") == "environments/prod/checkout.yaml:2")
    #expect(
      result.value("ingress")
        == (try RepositoryFixture.node(
          "{host: shop.example.com, tls: {secret: service-tls}, path: /shop}")))
  }

  @Test func listsReplaceInsteadOfMerging() throws {
    let result = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\ndefaults:\n  values: {args: [a, b, c]}\n",
      "environments/prod/checkout.yaml": "values:\n  args: [d]\n",
    ])
    #expect(result.value("args") == (try RepositoryFixture.node("[d]")))
    #expect(result.origin("args") == "environments/prod/checkout.yaml:2")
  }

  @Test func anExplicitNullRemovesAKeyAnEarlierLayerSet() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: 1.4.2
      values:
        env: {A: "1", B: "2"}
        ingress: {host: shop.example.com}
      """,
      "environments/prod/checkout.yaml": """
      values:
        env: {A: null, LOG_LEVEL: null}
        ingress: null
      """,
    ])
    #expect(result.findings.isEmpty)
    #expect(result.value("env") == (try RepositoryFixture.node("{B: \"2\"}")))
    // Removing a parameter falls back to its default: null for ingress.
    #expect(result.value("ingress")?.isNull == true)
  }

  @Test func nullOnAParameterWithADefaultFallsBackToTheDefault() throws {
    let result = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\ndefaults:\n  values: {replicas: 4}\n",
      "environments/prod/checkout.yaml": "values:\n  replicas: null\n",
    ])
    #expect(result.findings.isEmpty)
    #expect(result.value("replicas")?.int == 1)
    #expect(result.origin("replicas") == "templates/web/template.yaml:2")
  }

  @Test func nestedPropertyDefaultsFillInAtTheirTemplateLine() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  ingress: {host: shop.example.com}\n"
    ])
    #expect(result.findings.isEmpty)
    #expect(
      result.value("ingress")
        == (try RepositoryFixture.node("{host: shop.example.com, path: /, tls: {secret: tls}}")))
    #expect(result.origin("ingress.host") == "environments/prod/checkout.yaml:2")
    #expect(result.origin("ingress.path") == "templates/web/template.yaml:13")
    #expect(result.origin("ingress.tls.secret") == "templates/web/template.yaml:14")
  }

  @Test func theTemplateDefaultsAloneResolve() throws {
    let result = try ResolveFixture.resolve([:])
    #expect(result.findings.isEmpty)
    #expect(
      result.values
        == (try RepositoryFixture.node(
          """
          replicas: 1
          port: 8080
          tier: backend
          host: example.com
          args: [serve]
          env: {LOG_LEVEL: info}
          ingress: null
          """)))
    // Null defaults are not a layer: they fill in afterwards.
    #expect(
      result.service.layers.first?.values.mapping?.map(\.key)
        == ["replicas", "port", "tier", "host", "args", "env"])
  }

  @Test func environmentDefaultsReachOnlyTheParametersATemplateDeclares() throws {
    let files: [String: String?] = [
      "templates/job/template.yaml": "parameters:\n  schedule: {type: string, default: '@daily'}\n",
      "templates/job/configmap.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
      "services/report/service.yaml": "template: job\nimage: ghcr.io/acme/report\nversion: \"1\"\n",
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      defaults:
        values: {replicas: 3, schedule: '@hourly'}
      """,
    ]
    let report = try ResolveFixture.resolve(files, service: "report")
    #expect(report.findings.isEmpty)
    #expect(report.values == (try RepositoryFixture.node("{schedule: '@hourly'}")))
    #expect(report.service.layers.last?.values.mapping?.map(\.key) == ["schedule"])

    let checkout = try ResolveFixture.resolve(files)
    #expect(checkout.findings.isEmpty)
    #expect(checkout.value("replicas")?.int == 3)
    #expect(checkout.value("schedule") == nil)
  }

  @Test func servicesAndOverridesCannotSetParametersTheTemplateLacks() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  replica: 3\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:2:3: unknown key 'replica' in 'values'; did you mean 'replicas'?"
      ])
  }
}
