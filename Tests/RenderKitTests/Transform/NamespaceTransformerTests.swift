import TestSupport
import Testing

@testable import RenderKit

@Suite struct NamespaceTransformerTests {
  private let transformer = NamespaceTransformer(
    namespace: TransformFixture.namespace("shop-prod"), scope: ResourceScope())

  private func apply(
    _ text: String, with transformer: NamespaceTransformer? = nil
  ) throws
    -> String
  {
    var resource = try TransformFixture.resource(text)
    (transformer ?? self.transformer).apply(to: &resource)
    return YAMLEmitter.emit(resource.body)
  }

  @Test func aNamespacedResourceGetsTheNamespaceRightAfterItsName() throws {
    #expect(
      try apply(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}, name: x, annotations: {}}\n")
        == (try TransformFixture.canonical(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}, name: x, namespace: shop-prod, annotations: {}}\n"
        )))
  }

  @Test func theNamespaceRemembersWhereItWasSet() throws {
    var resource = try TransformFixture.resource(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
    transformer.apply(to: &resource)
    #expect(
      resource.body["metadata"]?["namespace"]?.location
        == testFiles.location("environments/prod/environment.yaml", line: 2, column: 12))
  }

  @Test func anExplicitNamespaceIsKept() throws {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: monitoring}\n"
    #expect(try apply(text) == (try TransformFixture.canonical(text)))
  }

  @Test func aNullNamespaceIsReplacedNotDuplicated() throws {
    // `namespace: ~` in a vendored manifest means "none": it gets the environment's, once.
    #expect(
      try apply("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: ~}\n")
        == (try TransformFixture.canonical(
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: shop-prod}\n")))
  }

  @Test(arguments: [
    ("v1", "Namespace"), ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"), ("storage.k8s.io/v1", "StorageClass"),
    ("apiextensions.k8s.io/v1", "CustomResourceDefinition"),
    ("scheduling.k8s.io/v1", "PriorityClass"), ("v1", "PersistentVolume"),
    ("networking.k8s.io/v1", "IngressClass"),
  ])
  func clusterScopedResourcesGetNoNamespace(apiVersion: String, kind: String) throws {
    let text = "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: x}\n"
    #expect(try apply(text) == (try TransformFixture.canonical(text)))
  }

  @Test(arguments: [
    ("rbac.authorization.k8s.io/v1", "Role"), ("v1", "PersistentVolumeClaim"),
    ("apps/v1", "Deployment"), ("example.com/v1", "ClusterThing"),
    ("networking.k8s.io/v1", "NetworkPolicy"),
  ])
  func namespacedResourcesGetTheNamespace(apiVersion: String, kind: String) throws {
    let output = try apply("apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: x}\n")
    #expect(output.contains("namespace: shop-prod"), "\(output)")
  }

  @Test func aKindIsClusterScopedOnlyInItsOwnGroup() throws {
    // A custom `Namespace` kind in another group is namespaced like any custom resource.
    let output = try apply("apiVersion: example.com/v1\nkind: Namespace\nmetadata: {name: x}\n")
    #expect(output.contains("namespace: shop-prod"), "\(output)")
  }

  @Test func customResourcesFollowTheScopeOfTheirDefinition() throws {
    let definitions = [
      try RepositoryFixture.node(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: clusterwidgets.acme.example}
        spec:
          group: acme.example
          scope: Cluster
          names: {kind: ClusterWidget, plural: clusterwidgets}
        """),
      try RepositoryFixture.node(
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.acme.example}
        spec:
          group: acme.example
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
        """),
    ]
    let withDefinitions = NamespaceTransformer(
      namespace: TransformFixture.namespace("shop-prod"),
      scope: ResourceScope(customResourceDefinitions: definitions))
    let cluster = "apiVersion: acme.example/v1\nkind: ClusterWidget\nmetadata: {name: x}\n"
    #expect(try apply(cluster, with: withDefinitions) == (try TransformFixture.canonical(cluster)))
    let namespaced = try apply(
      "apiVersion: acme.example/v1\nkind: Widget\nmetadata: {name: x}\n", with: withDefinitions)
    #expect(namespaced.contains("namespace: shop-prod"), "\(namespaced)")
    // Without the definition, ClusterWidget would be namespaced.
    #expect(try apply(cluster).contains("namespace: shop-prod"))
  }

  @Test func withoutANamespaceNothingChanges() throws {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
    let transformer = NamespaceTransformer(namespace: nil, scope: ResourceScope())
    #expect(try apply(text, with: transformer) == (try TransformFixture.canonical(text)))
  }
}
