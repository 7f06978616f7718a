import TestSupport
import Testing

@testable import RenderKit

@Suite struct LabelsRuleTests {
  typealias Support = RuleTestSupport
  let rule = LabelsRule()

  @Test func checksTheResourceAndItsPodTemplate() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
        labels: {app.kubernetes.io/name: report}
      spec:
        jobTemplate:
          spec:
            template:
              metadata:
                labels: {team: data}
              spec:
                containers:
                - {name: job, image: a:1}
      """)
    #expect(
      Support.summary(findings) == [
        "11:19: the pod template of CronJob/report has no label 'app.kubernetes.io/name'"
      ])
    #expect(
      findings.first?.related.map(\.message) == [
        "in rendered/test/example/cronjob-report.yaml at spec.jobTemplate.spec.template.metadata.labels[\"app.kubernetes.io/name\"]"
      ])
    #expect(
      findings.first?.help
        == "add app.kubernetes.io/name to spec.jobTemplate.spec.template.metadata.labels (required by policy.requiredLabels)"
    )
  }

  @Test func requiresTheEnvironmentsLabelsAndCountsEmptyValuesAsMissing() throws {
    let policy = PolicySettings(requiredLabels: ["app.kubernetes.io/name", "team", "tier"])
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        labels:
          app.kubernetes.io/name: web
          team: ""
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - {name: app, image: a:1}
      """, policy: policy)
    #expect(
      Support.summary(findings) == [
        "6:5: Service/web has no labels 'team' and 'tier'",
        "12:3: Pod/web has no labels 'app.kubernetes.io/name', 'team' and 'tier'",
      ])
    #expect(
      findings.map { $0.related.first?.message ?? "" } == [
        "in rendered/test/example/service-web.yaml at metadata.labels",
        "in rendered/test/example/pod-web.yaml at metadata.labels",
      ])
  }

  @Test func requiresNothingWhenTheEnvironmentListsNoLabels() throws {
    let findings = try Support.findings(
      rule, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n",
      policy: PolicySettings(requiredLabels: []))
    #expect(findings.isEmpty)
  }

  /// Labels render adds itself have no input line: the finding points at the nearest
  /// thing an input file wrote, the metadata.
  @Test func pointsAtTheMetadataWhenRenderMadeTheLabels() throws {
    var body = try #require(
      try YAMLParser.parse(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n",
        file: "environments/base/resources/configmap.yaml", fileNames: testFiles
      ).first)
    body.update("metadata", default: .mapping([])) { metadata in
      metadata.set("labels", to: .mapping([.init("environment", .string("prod"))]))
    }
    let findings = rule.check(Support.context([Support.rendered(body)]))
    #expect(
      findings.map(\.location) == [
        testFiles.location("environments/base/resources/configmap.yaml", line: 4, column: 3)
      ])
  }
}
