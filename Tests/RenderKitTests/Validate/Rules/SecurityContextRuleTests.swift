import TestSupport
import Testing

@testable import RenderKit

@Suite struct SecurityContextRuleTests {
  typealias Support = RuleTestSupport
  let rule = SecurityContextRule()

  @Test func aCompliantDeploymentPasses() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            hostNetwork: false
            securityContext: {runAsNonRoot: true}
            containers:
            - name: app
              image: a:1
              securityContext: {allowPrivilegeEscalation: false, privileged: false}
            volumes:
            - {name: tmp, emptyDir: {}}
      """)
    #expect(findings.isEmpty)
  }

  @Test func reportsEachProblemAtTheValueThatCausesIt() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: agent}
      spec:
        hostPID: true
        hostIPC: true
        securityContext: {runAsNonRoot: true}
        containers:
        - name: app
          image: a:1
          securityContext:
            runAsNonRoot: false
            privileged: true
            allowPrivilegeEscalation: true
        volumes:
        - name: logs
          hostPath: {path: /var/log}
      """)
    #expect(
      Support.summary(findings) == [
        "5:12: Pod/agent sets hostPID: true, sharing the node's processes",
        "6:12: Pod/agent sets hostIPC: true, sharing the node's IPC namespace",
        "17:15: volume 'logs' of Pod/agent mounts a path of the node (/var/log)",
        "12:21: container 'app' of Pod/agent sets runAsNonRoot: false",
        "13:19: container 'app' of Pod/agent is privileged: it has every capability and the node's devices",
        "14:33: container 'app' of Pod/agent sets allowPrivilegeEscalation: true",
      ])
    #expect(
      findings.map { $0.related.first?.message ?? "" }
        == [
          "spec.hostPID", "spec.hostIPC", "spec.volumes[0].hostPath",
          "spec.containers[0].securityContext.runAsNonRoot",
          "spec.containers[0].securityContext.privileged",
          "spec.containers[0].securityContext.allowPrivilegeEscalation",
        ].map { "in rendered/test/example/pod-agent.yaml at \($0)" })
  }

  /// Missing settings point at the container (or its securityContext), one finding per
  /// container and problem.
  @Test func pointsAtTheContainerWhenASettingIsMissing() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            initContainers:
            - name: migrate
              image: a:1
            containers:
            - name: app
              image: a:1
              securityContext:
                readOnlyRootFilesystem: true
      """)
    #expect(
      Support.summary(findings) == [
        "8:9: init container 'migrate' of Deployment/web may run as root: neither it nor its pod sets runAsNonRoot: true",
        "8:9: init container 'migrate' of Deployment/web does not set allowPrivilegeEscalation: false",
        "14:11: container 'app' of Deployment/web may run as root: neither it nor its pod sets runAsNonRoot: true",
        "14:11: container 'app' of Deployment/web does not set allowPrivilegeEscalation: false",
      ])
    #expect(
      findings.last?.related.map(\.message) == [
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation"
      ])
  }

  @Test func theContainerSettingWinsOverThePods() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        securityContext: {runAsNonRoot: false}
        containers:
        - name: fixed
          image: a:1
          securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
        - name: inherits
          image: a:1
          securityContext: {allowPrivilegeEscalation: false}
        - name: also-inherits
          image: a:1
          securityContext: {allowPrivilegeEscalation: false}
      """)
    #expect(
      Support.summary(findings) == [
        "5:35: container 'inherits' of Pod/web runs with runAsNonRoot: false, set on its pod",
        "5:35: container 'also-inherits' of Pod/web runs with runAsNonRoot: false, set on its pod",
      ])
  }

  /// A setting made by an environment patch is reported at the patch.
  @Test func pointsAtThePatchThatSetTheValue() throws {
    let template = try #require(
      try YAMLParser.parse(
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
          template:
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
              - {name: agent, image: a:1, securityContext: {allowPrivilegeEscalation: false}}
        """, file: "templates/agent/daemonset.yaml", fileNames: testFiles
      ).first)
    let patch = testFiles.location("environments/prod/environment.yaml", line: 12, column: 26)
    var spec = try #require(template.value(at: Support.path("spec.template.spec")))
    spec.set("hostNetwork", to: .scalar(.bool(true), at: patch))
    let body = Support.replacing(Support.path("spec.template.spec"), with: spec, in: template)
    let findings = rule.check(Support.context([Support.rendered(body)]))
    #expect(findings.map(\.location) == [patch])
    #expect(
      findings.map(\.message) == [
        "DaemonSet/agent sets hostNetwork: true, sharing the node's network"
      ])
  }
}
