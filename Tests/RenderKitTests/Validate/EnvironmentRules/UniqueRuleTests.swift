import TestSupport
import Testing

@testable import RenderKit

@Suite struct UniqueRuleTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = UniqueRule()

  @Test func twoServicesRenderingOneConfigMap() throws {
    let findings = try Support.findings(
      rule,
      """
      # service: checkout
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: shared-config
      ---
      # service: cart
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: shared-config
      """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "11:9: ConfigMap/shared-config in namespace 'test' is rendered by both service 'checkout' and service 'cart'; applying one overwrites the other"
      ])
    let finding = try #require(findings.first)
    #expect(finding.rule == "unique")
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/cart/configmap-shared-config.yaml at metadata.name",
        "the first one, in rendered/test/checkout/configmap-shared-config.yaml",
      ])
    #expect(Support.position(finding.related.last?.location) == "example.yaml:5:9")
    #expect(finding.help?.hasPrefix("rename one of them") == true)
  }

  @Test func aServiceAndTheEnvironmentsResources() throws {
    let service = try RuleTestSupport.resources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: feature-flags}
      """)
    let environment = try Support.environmentResources(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: feature-flags, namespace: test}
      """)
    let findings = rule.check(Support.context(service + environment))
    #expect(
      findings.map(\.message) == [
        "ConfigMap/feature-flags in namespace 'test' is rendered by both service 'example' and the environment's resources/; applying one overwrites the other"
      ])
    #expect(findings.first?.location.testPath == "environments/test/resources/shared.yaml")
  }

  @Test func oneFileTwiceIsLeftToTheOutputPlanner() throws {
    // Same service, same kind and name: both would be written to one file, which the
    // output planner reports. The third, from another service, is this rule's; the
    // fourth takes the third's file, which is the planner's again.
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      ---
      # service: billing
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      ---
      # service: billing
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      """)
    #expect(RuleTestSupport.summary(findings).map { $0.prefix(6) } == ["12:18:"])
  }

  @Test(arguments: [
    // Different API groups are different objects, whatever the kind is called.
    ("v1", "serving.knative.dev/v1", "Service", "test", "test", false),
    // Versions of one group are one object.
    ("autoscaling/v1", "autoscaling/v2", "HorizontalPodAutoscaler", "test", "test", true),
    ("v1", "v1", "ConfigMap", "test", "monitoring", false),
    ("v1", "v1", "ConfigMap", "test", "test", true),
  ])
  func theKeyIsGroupKindNamespaceAndName(
    first: String, second: String, kind: String, firstNamespace: String, secondNamespace: String,
    duplicate: Bool
  ) throws {
    let findings = try Support.findings(
      rule,
      """
      # service: one
      apiVersion: \(first)
      kind: \(kind)
      metadata: {name: web, namespace: \(firstNamespace)}
      ---
      # service: two
      apiVersion: \(second)
      kind: \(kind)
      metadata: {name: web, namespace: \(secondNamespace)}
      """)
    #expect(findings.isEmpty != duplicate, "\(findings.map(\.message))")
  }

  @Test func aMissingNamespaceMeansTheEnvironmentsOne() throws {
    let findings = try Support.findings(
      rule,
      """
      # service: one
      apiVersion: v1
      kind: Secret
      metadata: {name: token}
      ---
      # service: two
      apiVersion: v1
      kind: Secret
      metadata: {name: token, namespace: shop}
      """, namespace: "shop")
    #expect(findings.count == 1)
  }

  @Test func clusterScopedDuplicatesNameNoNamespace() throws {
    let findings = try Support.findings(
      rule,
      """
      # service: one
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader}
      ---
      # service: two
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: reader, namespace: ignored}
      """)
    #expect(
      findings.map(\.message) == [
        "ClusterRole/reader is rendered by both service 'one' and service 'two'; applying one overwrites the other"
      ])
  }

  @Test func everyLaterCopyIsReportedAgainstTheFirst() throws {
    let findings = try Support.findings(
      rule,
      """
      # service: a
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      ---
      # service: b
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      ---
      # service: c
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      """)
    #expect(
      findings.map(\.message) == [
        "ConfigMap/shared in namespace 'test' is rendered by both service 'a' and service 'b'; applying one overwrites the other",
        "ConfigMap/shared in namespace 'test' is rendered by both service 'a' and service 'c'; applying one overwrites the other",
      ])
  }

  @Test func theSecondIsReportedOnlyWhenItIsASubject() throws {
    let resources = try RuleTestSupport.resources(
      """
      # service: a
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      ---
      # service: b
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: shared}
      """)
    #expect(rule.check(Support.context(resources, subjects: [0])).isEmpty)
    // The first still counts when only the second is checked (`--service b`).
    #expect(rule.check(Support.context(resources, subjects: [1])).count == 1)
  }
}
