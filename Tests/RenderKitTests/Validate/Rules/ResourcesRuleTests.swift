import TestSupport
import Testing

@testable import RenderKit

@Suite struct ResourcesRuleTests {
  typealias Support = RuleTestSupport
  let rule = ResourcesRule()

  @Test func listsWhatIsMissingAndPointsAtTheSharedField() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - name: none
          image: a:1
        - name: no-limit
          image: a:1
          resources:
            requests: {cpu: 100m, memory: 128Mi}
        - name: no-requests
          image: a:1
          resources:
            limits: {memory: 1Gi}
        - name: null-cpu
          image: a:1
          resources:
            requests: {cpu: null, memory: 128Mi}
            limits: {memory: 1Gi}
        - name: complete
          image: a:1
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 1Gi}
      """)
    #expect(
      Support.summary(findings) == [
        "6:5: container 'none' of Pod/web has no cpu request, memory request or memory limit",
        "11:7: container 'no-limit' of Pod/web has no memory limit",
        "15:7: container 'no-requests' of Pod/web has no cpu request or memory request",
        "19:23: container 'null-cpu' of Pod/web has no cpu request",
      ])
    #expect(
      findings.map { $0.related.first?.message ?? "" } == [
        "in rendered/test/example/pod-web.yaml at spec.containers[0].resources",
        "in rendered/test/example/pod-web.yaml at spec.containers[1].resources.limits.memory",
        "in rendered/test/example/pod-web.yaml at spec.containers[2].resources.requests",
        "in rendered/test/example/pod-web.yaml at spec.containers[3].resources.requests.cpu",
      ])
    #expect(findings.allSatisfy { $0.help?.contains("resources.limits.memory") == true })
  }

  @Test func checksInitContainersButNotEphemeralOnes() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        initContainers:
        - {name: migrate, image: a:1}
        containers:
        - name: app
          image: a:1
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 1Gi}
        ephemeralContainers:
        - {name: debug, image: busybox:1.36}
      """)
    #expect(
      findings.map(\.message) == [
        "init container 'migrate' of Pod/web has no cpu request, memory request or memory limit"
      ])
  }

  /// The resources come from service.yaml's values: the finding points at the line there.
  @Test func pointsAtTheValuesThatSetTheResources() throws {
    let template = try #require(
      try YAMLParser.parse(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          template:
            spec:
              containers:
              - name: app
                image: a:1
                resources: {}
        """, file: "templates/web/deployment.yaml", fileNames: testFiles
      ).first)
    let values = testFiles.location("services/web/service.yaml", line: 7, column: 14)
    let resources = Node.mapping(
      [.init("requests", .mapping([.init("cpu", .string("1", at: values))], at: values))],
      at: values)
    let body = Support.replacing(
      Support.path("spec.template.spec.containers.0.resources"), with: resources, in: template)
    let findings = rule.check(Support.context([Support.rendered(body)]))
    #expect(findings.map(\.location) == [values])
    #expect(
      findings.map(\.message) == [
        "container 'app' of Deployment/web has no memory request or memory limit"
      ])
  }
}
