import Testing

@testable import RenderKit

@Suite struct ProbesRuleTests {
  typealias Support = RuleTestSupport
  let rule = ProbesRule()

  @Test func namesTheContainerAndThePlaceOfTheMissingProbe() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: checkout}
      spec:
        template:
          spec:
            containers:
            - name: app
              image: a:1
              readinessProbe: {httpGet: {path: /readyz, port: 8080}}
            - name: sidecar
              image: b:1
            - name: null-probe
              image: c:1
              readinessProbe: null
      """)
    #expect(
      Support.summary(findings) == [
        "11:9: container 'sidecar' of Deployment/checkout has no readinessProbe",
        "15:25: container 'null-probe' of Deployment/checkout has no readinessProbe",
      ])
    #expect(
      findings.first?.related.map(\.message) == [
        "in rendered/test/example/deployment-checkout.yaml at spec.template.spec.containers[1].readinessProbe"
      ])
  }

  @Test(arguments: [
    ("Deployment", "apps/v1", "spec:\n  template:\n    spec:\n", true),
    ("StatefulSet", "apps/v1", "spec:\n  template:\n    spec:\n", true),
    ("DaemonSet", "apps/v1", "spec:\n  template:\n    spec:\n", true),
    ("ReplicaSet", "apps/v1", "spec:\n  template:\n    spec:\n", true),
    ("ReplicationController", "v1", "spec:\n  template:\n    spec:\n", true),
    ("Pod", "v1", "spec:\n", false),
    ("Job", "batch/v1", "spec:\n  template:\n    spec:\n", false),
    (
      "CronJob", "batch/v1", "spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n",
      false
    ),
  ])
  func checksLongRunningKindsOnly(
    kind: String, apiVersion: String, spec: String, fires: Bool
  ) throws {
    let indent = String(repeating: " ", count: spec.split(separator: "\n").count * 2)
    let manifest = """
      apiVersion: \(apiVersion)
      kind: \(kind)
      metadata: {name: checkout}
      \(spec)\(indent)containers:
      \(indent)- {name: app, image: a:1}
      """
    let findings = try Support.findings(rule, manifest)
    #expect(
      findings.map(\.message)
        == (fires ? ["container 'app' of \(kind)/checkout has no readinessProbe"] : []))
  }
}
