import Testing

@testable import RenderKit

/// A PodDisruptionBudget that allows no eviction blocks every node drain.
@Suite struct DisruptionBudgetRuleTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = DisruptionBudgetRule()

  /// Two Deployments whose pods carry `tier: web`: 2 replicas (line 5) and none set; a
  /// budget appended by `budget(_:)` has its spec line on line 26.
  static let web = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web, tier: web}}
        spec:
          containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web-canary}
    spec:
      selector: {matchLabels: {app: web-canary}}
      template:
        metadata: {labels: {app: web-canary, tier: web}}
        spec:
          containers: [{name: app, image: ghcr.io/acme/web:1.5.0}]

    """

  static func budget(_ spec: String) -> String {
    web + """
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        \(spec)
        selector: {matchLabels: {tier: web}}
      """
  }

  @Test func minAvailableAtTheSumOfTheSelectedReplicasNamesEachWorkload() throws {
    let findings = try Support.findings(rule, Self.budget("minAvailable: 3"))
    #expect(
      RuleTestSupport.summary(findings) == [
        "26:17: PodDisruptionBudget/web requires 3 pods available, and Deployment/web, Deployment/web-canary run 3: no pod can ever be evicted, so every node drain waits on it"
      ])
    let finding = try #require(findings.first)
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/example/poddisruptionbudget-web.yaml at spec.minAvailable",
        "Deployment/web runs 2", "Deployment/web-canary runs 1 (it sets no replicas)",
      ])
    #expect(Support.position(finding.related[1].location) == "example.yaml:5:13")
    #expect(finding.help?.contains("maxUnavailable: 1") == true)
    #expect(rule.defaultSeverity == .error)
  }

  @Test func minAvailableBelowTheReplicasPasses() throws {
    #expect(try Support.findings(rule, Self.budget("minAvailable: 2")).isEmpty)
  }

  @Test(arguments: ["maxUnavailable: 0", "maxUnavailable: 0%", "minAvailable: 100%"])
  func budgetsThatAllowNoEvictionAtAnyCount(_ spec: String) throws {
    let findings = try Support.findings(rule, Self.budget(spec))
    #expect(findings.count == 1, "\(findings.map(\.message))")
    #expect(findings.first?.location.line == 26)
  }

  @Test(arguments: ["maxUnavailable: 1", "maxUnavailable: 50%", "minAvailable: 50%"])
  func budgetsThatAllowAnEviction(_ spec: String) throws {
    #expect(try Support.findings(rule, Self.budget(spec)).isEmpty)
  }

  @Test func anAutoscaledWorkloadCountsItsMinReplicas() throws {
    let manifests =
      Self.budget("minAvailable: 2") + """

        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          maxReplicas: 10
        """
    let findings = try Support.findings(rule, manifests)
    #expect(findings.count == 1)
    #expect(
      findings.first?.related.map(\.message).contains(
        "HorizontalPodAutoscaler/web keeps Deployment/web at 1 or more") == true)
  }

  @Test func aDaemonSetsCountIsUnknownSoOnlyZeroBudgetsFire() throws {
    let daemon = """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            containers: [{name: agent, image: ghcr.io/acme/agent:1.0.0}]
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}

      """
    #expect(try Support.findings(rule, daemon + "  minAvailable: 5").isEmpty)
    #expect(try Support.findings(rule, daemon + "  maxUnavailable: 0").count == 1)
  }

  @Test func anUnmatchedSelectorIsLeftToTheReferencesRule() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: web}
      spec:
        minAvailable: 1
        selector: {matchLabels: {app: nothing}}
      """)
    #expect(findings.isEmpty)
  }
}

extension DisruptionBudgetRuleTests {
  @Test func oneRequiredPodIsSingular() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: cart}
      spec:
        selector: {matchLabels: {app: cart}}
        template:
          metadata: {labels: {app: cart}}
          spec:
            containers: [{name: app, image: ghcr.io/acme/cart:3.0.0}]
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: cart}
      spec:
        minAvailable: 1
        selector: {matchLabels: {app: cart}}
      """)
    #expect(
      findings.map(\.message) == [
        "PodDisruptionBudget/cart requires 1 pod available, and Deployment/cart runs 1: no pod can ever be evicted, so every node drain waits on it"
      ])
  }
}
