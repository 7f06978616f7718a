import TestSupport
import Testing

@testable import RenderKit

/// How strategic merge treats each list, read from the schemas.
@Suite struct SchemaListStrategyTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var apiVersion: String
    var kind: String
    var path: String
    var strategy: ListMergeStrategy
    var testDescription: String { "\(kind) \(path)" }

    init(_ apiVersion: String, _ kind: String, _ path: String, _ strategy: ListMergeStrategy) {
      self.apiVersion = apiVersion
      self.kind = kind
      self.path = path
      self.strategy = strategy
    }
  }

  static let builtInCases: [Case] = [
    Case("apps/v1", "Deployment", "spec.template.spec.containers", .mergeByKey("name")),
    Case("apps/v1", "Deployment", "spec.template.spec.initContainers", .mergeByKey("name")),
    Case(
      "apps/v1", "Deployment", "spec.template.spec.containers.volumeMounts",
      .mergeByKey("mountPath")),
    Case(
      "apps/v1", "Deployment", "spec.template.spec.containers.ports", .mergeByKey("containerPort")),
    Case("apps/v1", "Deployment", "spec.template.spec.containers.env", .mergeByKey("name")),
    Case("apps/v1", "Deployment", "spec.template.spec.volumes", .mergeByKey("name")),
    Case("apps/v1", "Deployment", "metadata.finalizers", .mergePrimitives),
    Case("apps/v1", "StatefulSet", "spec.template.spec.containers", .mergeByKey("name")),
    Case(
      "batch/v1", "CronJob", "spec.jobTemplate.spec.template.spec.containers", .mergeByKey("name")),
    Case("v1", "Service", "spec.ports", .mergeByKey("port")),
    Case("v1", "Pod", "spec.containers", .mergeByKey("name")),
    // No patch strategy: the list replaces, as under kubectl.
    Case("apps/v1", "Deployment", "spec.template.spec.containers.args", .replace),
    Case("apps/v1", "Deployment", "spec.template.spec.tolerations", .replace),
    Case("networking.k8s.io/v1", "Ingress", "spec.rules", .replace),
    // Not a list, not a field, not a kind.
    Case("apps/v1", "Deployment", "spec.template", .replace),
    Case("apps/v1", "Deployment", "spec.template.spec.containerz", .replace),
    Case("example.com/v1", "Unknown", "spec.items", .replace),
  ]

  @Test(arguments: builtInCases)
  func builtInList(_ test: Case) throws {
    let schema = bundledSchema
    let path = test.path.split(separator: ".").map(String.init)
    #expect(
      schema.listStrategy(apiVersion: test.apiVersion, kind: test.kind, path: path) == test.strategy
    )
  }

  static let customCases: [Case] = [
    // x-kubernetes-list-type: map, first of x-kubernetes-list-map-keys.
    Case("example.com/v1", "Widget", "spec.endpoints", .mergeByKey("host")),
    Case("example.com/v1", "Widget", "spec.tags", .mergePrimitives),
    Case("example.com/v1", "Widget", "spec.steps", .mergeByKey("id")),
    Case("example.com/v1", "Widget", "metadata.finalizers", .mergePrimitives),
    Case("example.com/v1", "Widget", "spec.name", .replace),
  ]

  @Test(arguments: customCases)
  func customResourceList(_ test: Case) throws {
    let schema = try CustomResourceSchemaTests.schema()
    let path = test.path.split(separator: ".").map(String.init)
    #expect(
      schema.listStrategy(apiVersion: test.apiVersion, kind: test.kind, path: path) == test.strategy
    )
  }

  @Test func schemaServesAsTheMergeStrategyProvider() throws {
    let provider: any MergeStrategyProvider = bundledSchema
    #expect(
      provider.listStrategy(apiVersion: "v1", kind: "Service", path: ["spec", "ports"])
        == .mergeByKey("port"))
  }
}
