import Testing

@testable import RenderKit

/// A workload scaled by a HorizontalPodAutoscaler leaves `spec.replicas` to it.
@Suite struct AutoscaledReplicasRuleTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = AutoscaledReplicasRule()

  /// A Deployment with replicas on line 5, and its autoscaler from line 11.
  static let scaled = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 3
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
    ---
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: web}
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      maxReplicas: 10
    """

  @Test func pointsAtTheReplicasLineAndTheAutoscaler() throws {
    let findings = try Support.findings(rule, Self.scaled)
    #expect(
      RuleTestSupport.summary(findings) == [
        "5:13: Deployment/web sets replicas: 3, and HorizontalPodAutoscaler/web scales it: every sync resets the count the autoscaler chose"
      ])
    let finding = try #require(findings.first)
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/example/deployment-web.yaml at spec.replicas",
        "HorizontalPodAutoscaler/web scales Deployment/web here",
      ])
    #expect(Support.position(finding.related.last?.location) == "example.yaml:16:19")
    #expect(finding.help?.contains("minReplicas") == true)
    #expect(rule.defaultSeverity == .warning)
  }

  @Test func checkingOnlyTheWorkloadStillFindsTheAutoscalerOfAnotherService() throws {
    var context = Support.context(try RuleTestSupport.resources(Self.scaled))
    context.subjects = [0]
    #expect(rule.check(context).count == 1)
    context.subjects = [1]
    #expect(rule.check(context).count == 1)
  }

  @Test func anAutoscalerInAnotherNamespaceScalesSomethingElse() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: web, namespace: other}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
        maxReplicas: 10
      """)
    #expect(findings.isEmpty)
  }

  @Test func aCustomResourceOfTheSameKindNameIsNotAWorkload() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: web}
      spec:
        scaleTargetRef: {apiVersion: example.com/v1, kind: Deployment, name: web}
        maxReplicas: 10
      ---
      apiVersion: example.com/v1
      kind: Deployment
      metadata: {name: web}
      spec: {replicas: 2}
      """)
    #expect(findings.isEmpty)
  }
}
