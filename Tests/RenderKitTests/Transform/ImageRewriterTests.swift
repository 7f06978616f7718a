import TestSupport
import Testing

@testable import RenderKit

/// Pins the image of a `manifests:` service's vendored YAML to the resolved version.
@Suite struct ImageRewriterTests {
  private let digest = "sha256:" + String(repeating: "0f", count: 32)
  private let versionLocation = testFiles.location(
    "environments/prod/redis.yaml", line: 1, column: 10)

  private func rewrite(_ text: String, image: String?, version: String?) throws -> Node {
    var node = try RepositoryFixture.node(text, file: "services/redis/vendor/redis.yaml")
    ImageRewriter(image: image, version: version.map { Located($0, at: versionLocation) })
      .apply(to: &node)
    return node
  }

  /// Every `image:` string in the tree, in document order.
  private func images(_ node: Node) -> [String] {
    var result: [String] = []
    func walk(_ node: Node) {
      for entry in node.mapping ?? [] {
        if entry.key == "image", let image = entry.value.string { result.append(image) }
        walk(entry.value)
      }
      for item in node.sequence ?? [] { walk(item) }
    }
    walk(node)
    return result
  }

  private let statefulSet = """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: redis}
    spec:
      template:
        spec:
          initContainers:
            - {name: init, image: "docker.io/library/redis:7.0"}
            - {name: busybox, image: "busybox:1.36"}
          containers:
            - {name: redis, image: "docker.io/library/redis:7.0-alpine"}
            - {name: exporter, image: "docker.io/oliver006/redis_exporter:v1.55"}
            - {name: untagged, image: docker.io/library/redis}
            - {name: digested, image: "docker.io/library/redis@sha256:1111111111111111111111111111111111111111111111111111111111111111"}
            - {name: similar, image: "docker.io/library/redis-sentinel:7.0"}
    """

  @Test func onlyContainersOfTheServicesRepositoryArePinned() throws {
    let node = try rewrite(statefulSet, image: "docker.io/library/redis", version: "7.2.4")
    #expect(
      images(node) == [
        "docker.io/library/redis:7.2.4", "busybox:1.36", "docker.io/library/redis:7.2.4",
        "docker.io/oliver006/redis_exporter:v1.55", "docker.io/library/redis:7.2.4",
        "docker.io/library/redis:7.2.4", "docker.io/library/redis-sentinel:7.0",
      ])
  }

  @Test func aDigestIsWrittenWithAt() throws {
    let node = try rewrite(statefulSet, image: "docker.io/library/redis", version: digest)
    #expect(images(node).first == "docker.io/library/redis@\(digest)")
  }

  @Test func thePinnedImageRemembersWhereTheVersionWasSet() throws {
    let node = try rewrite(statefulSet, image: "docker.io/library/redis", version: "7.2.4")
    let containers = node["spec"]?["template"]?["spec"]?["containers"]?.sequence
    #expect(containers?.first?["image"]?.location == versionLocation)
    // An untouched image keeps its own location.
    #expect(containers?[1]["image"]?.location.testPath == "services/redis/vendor/redis.yaml")
  }

  @Test func aRegistryPortIsPartOfTheRepository() throws {
    let text = """
      spec:
        containers:
          - {name: a, image: "localhost:5000/redis:7.0"}
          - {name: b, image: "localhost:5000/redis"}
          - {name: c, image: "localhost:5001/redis:7.0"}
          - {name: d, image: "localhost:5000/redis@\(digest)"}
      """
    let node = try rewrite(text, image: "localhost:5000/redis", version: "7.2")
    #expect(
      images(node) == [
        "localhost:5000/redis:7.2", "localhost:5000/redis:7.2", "localhost:5001/redis:7.0",
        "localhost:5000/redis:7.2",
      ])
  }

  @Test func aReferenceWithBothTagAndDigestIsOfItsRepository() throws {
    // `repo:tag@digest` is a valid reference (the tag is informative); it is still redis.
    let text =
      "spec:\n  containers:\n    - {name: a, image: \"docker.io/library/redis:7.0@\(digest)\"}\n"
    let node = try rewrite(text, image: "docker.io/library/redis", version: "7.2")
    #expect(images(node) == ["docker.io/library/redis:7.2"])
  }

  @Test func containersAtAnyDepthAreFound() throws {
    let text = """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup}
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                containers: [{name: backup, image: "docker.io/library/redis:6"}]
                ephemeralContainers: [{name: debug, image: "docker.io/library/redis:6"}]
      """
    #expect(
      images(try rewrite(text, image: "docker.io/library/redis", version: "7.2"))
        == ["docker.io/library/redis:7.2", "docker.io/library/redis:7.2"])
  }

  @Test func withoutAnImageOrAVersionNothingChanges() throws {
    let original = YAMLEmitter.emit(
      try RepositoryFixture.node(statefulSet, file: "services/redis/vendor/redis.yaml"))
    #expect(YAMLEmitter.emit(try rewrite(statefulSet, image: nil, version: "7.2")) == original)
    #expect(
      YAMLEmitter.emit(try rewrite(statefulSet, image: "docker.io/library/redis", version: nil))
        == original)
  }

  @Test func imageKeysOutsideContainerListsAreNotImages() throws {
    let text =
      "metadata: {annotations: {image: \"docker.io/library/redis:7.0\"}}\nspec: {image: \"docker.io/library/redis:7.0\"}\n"
    #expect(
      images(try rewrite(text, image: "docker.io/library/redis", version: "7.2"))
        == ["docker.io/library/redis:7.0", "docker.io/library/redis:7.0"])
  }
}
