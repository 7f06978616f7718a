import TestSupport
import Testing

@testable import RenderKit

/// Resolves one service in one environment of an in-memory repository.
enum ResolveFixture {
  /// A template with a parameter of every kind the layering tests need, a service, an
  /// abstract `base` environment and `prod` inheriting it. Tests add and replace files.
  static let platform: [String: String] = [
    "templates/web/template.yaml": """
    parameters:
      replicas: {type: integer, default: 1, minimum: 0, maximum: 50}
      port: {type: integer, default: 8080}
      tier: {type: string, default: backend, enum: [frontend, backend]}
      host: {type: string, default: example.com, pattern: '^[a-z.]+$'}
      args: {type: array, items: {type: string}, default: [serve]}
      env: {type: object, additionalProperties: {type: string}, default: {LOG_LEVEL: info}}
      ingress:
        type: object
        default: null
        properties:
          host: {type: string}
          path: {type: string, default: /}
          tls: {type: object, properties: {secret: {type: string, default: tls}}, default: {}}
        required: [host]
    """,
    "templates/web/configmap.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: "${ service.name }"}
    """,
    "services/checkout/service.yaml": """
    template: web
    image: ghcr.io/acme/checkout
    version: 1.4.2
    """,
    "environments/base/environment.yaml": """
    abstract: true
    namespace: shop
    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop-prod
    """,
  ]

  struct Result {
    var service: ResolvedService
    var diagnostics: [Diagnostic]

    var findings: [String] {
      RepositoryFixture.lines(diagnostics.sortedForOutput(in: testFiles), in: testFiles)
    }
    var values: Node { service.values }

    /// The value at a dotted path of `values`.
    func value(_ path: String) -> Node? {
      var node: Node? = service.values
      for key in path.split(separator: ".") { node = node?[String(key)] }
      return node
    }

    /// `file:line` of the value at a dotted path: the layer that set it.
    func origin(_ path: String) -> String {
      value(path).map { "\($0.location.testPath):\($0.location.line)" } ?? "(missing)"
    }
  }

  /// Resolves `service` in `environment`; parse findings fail the test.
  static func resolve(
    _ files: [String: String?], service: String = "checkout", in environment: String = "prod",
    base: [String: String] = platform, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Result {
    let platform = RepositoryFixture.platform(files, base: base, sourceLocation: sourceLocation)
    let (environments, environmentDiagnostics) = EnvironmentResolver.resolve(platform)
    #expect(
      environmentDiagnostics.isEmpty,
      "\(RepositoryFixture.lines(environmentDiagnostics, in: testFiles))",
      sourceLocation: sourceLocation)
    let resolvedEnvironment = try #require(
      environments[environment], sourceLocation: sourceLocation)
    let definition = try #require(platform.services[service], sourceLocation: sourceLocation)
    let (resolved, diagnostics) = ServiceResolver(platform: platform).resolve(
      definition, in: resolvedEnvironment)
    return Result(service: resolved, diagnostics: diagnostics)
  }
}
