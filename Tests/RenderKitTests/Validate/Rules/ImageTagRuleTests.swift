import TestSupport
import Testing

@testable import RenderKit

@Suite struct ImageTagRuleTests {
  typealias Support = RuleTestSupport
  let rule = ImageTagRule()

  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      template:
        spec:
          containers:
          - name: app
            image: ghcr.io/acme/web:1.4.2
          - name: proxy
            image: envoyproxy/envoy
          - name: agent
            image: ghcr.io/acme/agent:latest
    """

  @Test func reportsEachOffendingContainerWithWhatToDo() throws {
    let findings = try Support.findings(rule, Self.deployment)
    #expect(
      Support.summary(findings) == [
        "11:16: container 'proxy' of Deployment/web has no tag on its image 'envoyproxy/envoy'",
        "13:16: container 'agent' of Deployment/web uses the 'latest' tag of 'ghcr.io/acme/agent'",
      ])
    #expect(
      findings.map { $0.related.first?.message ?? "" } == [
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[1].image",
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[2].image",
      ])
    #expect(
      findings.first?.help
        == "pin a version: 'envoyproxy/envoy:<version>', or a digest 'envoyproxy/envoy@sha256:...'")
  }

  /// The image comes from `image` and `version` in service.yaml: the finding points there,
  /// not at the `${ service.imageRef }` line of the template.
  @Test func pointsAtTheFileThatSetTheImage() throws {
    let template = try #require(
      try YAMLParser.parse(
        Self.deployment, file: "templates/web/deployment.yaml", fileNames: testFiles
      ).first)
    let version = testFiles.location("services/web/service.yaml", line: 4, column: 10)
    let body = Support.replacing(
      Support.path("spec.template.spec.containers.0.image"),
      with: .string("ghcr.io/acme/web:latest", at: version), in: template)
    let findings = rule.check(Support.context([Support.rendered(body)]))
    let first = try #require(findings.first)
    #expect(first.location == version)
    #expect(
      first.message
        == "container 'app' of Deployment/web uses the 'latest' tag of 'ghcr.io/acme/web'")
    #expect(
      first.related.map(\.message) == [
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[0].image"
      ])
    #expect(findings.count == 3)
  }

  @Test func namesInitContainersAndCronJobContainers() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                initContainers:
                - {name: fetch, image: "curlimages/curl:"}
                containers:
                - {name: job, image: "ghcr.io/acme/report@"}
      """)
    #expect(
      findings.map(\.message) == [
        "init container 'fetch' of CronJob/report has no tag on its image 'curlimages/curl:'",
        "container 'job' of CronJob/report has no tag on its image 'ghcr.io/acme/report@'",
      ])
  }

  @Test func namesAContainerWithoutANameByItsPlace() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        initContainers:
        - {name: init, image: busybox:1.36}
        - {image: busybox}
      """)
    #expect(
      findings.map(\.message) == [
        "init container initContainers[1] of Pod/web has no tag on its image 'busybox'"
      ])
  }

  @Test func leavesContainersWithoutAnImageToTheSchema() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - name: app
        - {name: other, image: 42}
      """)
    #expect(findings.isEmpty)
  }

  @Test(
    arguments: [
      ("nginx", "nginx", nil, nil),
      ("nginx:1.27", "nginx", "1.27", nil),
      ("localhost:5000/acme/web", "localhost:5000/acme/web", nil, nil),
      ("localhost:5000/acme/web:1.0", "localhost:5000/acme/web", "1.0", nil),
      ("web@sha256:abc", "web", nil, "sha256:abc"),
      ("web:1.0@sha256:abc", "web", "1.0", "sha256:abc"),
      ("web:", "web", "", nil),
    ] as [(String, String, String?, String?)])
  func takesImageReferencesApart(
    _ text: String, repository: String, tag: String?, digest: String?
  ) {
    let reference = ImageReference(text)
    #expect(reference.repository == repository)
    #expect(reference.tag == tag)
    #expect(reference.digest == digest)
  }
}
