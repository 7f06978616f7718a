import TestSupport
import Testing

@testable import RenderKit

@Suite struct NamespaceRuleTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = NamespaceRule()

  @Test func anotherNamespaceIsReportedAtTheNamespaceValue() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: redis-config
        namespace: redis
      data: {maxmemory: 384mb}
      """, namespace: "shop-prod")
    #expect(
      RuleTestSupport.summary(findings) == [
        "5:14: ConfigMap/redis-config is in namespace 'redis', but environment 'test' deploys to 'shop-prod'"
      ])
    let finding = try #require(findings.first)
    #expect(finding.rule == "namespace")
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/example/configmap-redis-config.yaml at metadata.namespace"
      ])
    #expect(finding.help?.contains("remove metadata.namespace so render sets 'shop-prod'") == true)
  }

  @Test func theEnvironmentsNamespaceAndNoNamespacePass() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a, namespace: shop-prod}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b}
      """, namespace: "shop-prod")
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func withoutAnEnvironmentNamespaceResourcesMustNameOne() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec: {}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: chosen, namespace: web}
      """, namespace: nil)
    #expect(
      RuleTestSupport.summary(findings) == [
        "4:3: Deployment/web has no namespace, and environment 'test' sets none"
      ])
    #expect(
      findings.first?.help
        == "set `namespace:` in environments/test/environment.yaml, or metadata.namespace in the manifest"
    )
  }

  @Test func clusterScopedResourcesAreSkippedWhateverTheyNameAsNamespace() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Namespace
      metadata: {name: shop-prod}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: monitoring}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader, namespace: elsewhere}
      ---
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata: {name: critical}
      value: 1000
      """, namespace: nil)
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func customResourcesFollowTheirDefinitionsScope() throws {
    let definitions = try YAMLParser.parse(
      """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: clusterissuers.cert-manager.io}
      spec:
        group: cert-manager.io
        scope: Cluster
        names: {kind: ClusterIssuer, plural: clusterissuers}
      """, file: "crds/cert-manager.yaml", fileNames: testFiles)
    let resources = try RuleTestSupport.resources(
      """
      apiVersion: cert-manager.io/v1
      kind: ClusterIssuer
      metadata: {name: letsencrypt, namespace: cert-manager}
      ---
      apiVersion: cert-manager.io/v1
      kind: Certificate
      metadata: {name: shop, namespace: cert-manager}
      """)
    let findings = rule.check(
      Support.context(
        resources, namespace: "shop", scope: ResourceScope(customResourceDefinitions: definitions)))
    #expect(
      RuleTestSupport.summary(findings) == [
        "7:35: Certificate/shop is in namespace 'cert-manager', but environment 'test' deploys to 'shop'"
      ])
  }

  @Test func aServiceOverridesNamespaceIsWhereItsResourcesBelong() throws {
    let resources = try RuleTestSupport.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: moved, namespace: billing}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: stayed, namespace: test}
      ---
      # service: other
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: other, namespace: test}
      """)
    var context = Support.context(resources)
    context.serviceNamespaces = ["example": "billing"]
    #expect(
      RuleTestSupport.summary(rule.check(context)) == [
        "7:37: ConfigMap/stayed is in namespace 'test', but service 'example' deploys to 'billing' in environment 'test'"
      ])
  }

  @Test func onlyTheSubjectsAreChecked() throws {
    let resources = try RuleTestSupport.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: a, namespace: other}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: b, namespace: other}
      """)
    let findings = rule.check(Support.context(resources, subjects: [1]))
    #expect(findings.count == 1)
    #expect(findings.first?.message.hasPrefix("ConfigMap/b ") == true)
  }
}
