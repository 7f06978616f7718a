import TestSupport
import Testing
import YAML

@testable import RenderKit

/// What of a resource may change without another service, a patch target or an
/// environment rule seeing it.
@Suite struct ServiceLocalDifferenceTests {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      labels: {app.kubernetes.io/name: web, app.kubernetes.io/version: 1.0.0}
    spec:
      selector:
        matchLabels: {app.kubernetes.io/name: web}
      template:
        metadata:
          labels: {app.kubernetes.io/name: web, app.kubernetes.io/version: 1.0.0}
        spec:
          initContainers:
          - {name: migrate, image: ghcr.io/acme/migrate:1.0.0}
          containers:
          - name: app
            image: ghcr.io/acme/web:1.0.0
            env:
            - {name: VERSION, value: 1.0.0}
            - name: DATABASE_URL
              valueFrom: {secretKeyRef: {name: web-db, key: url}}
    """

  static func node(_ text: String) throws -> Node {
    try #require(try YAMLParser.parse(text, file: "test.yaml", fileNames: SourceFileNames()).first)
  }

  static func holds(_ old: String, _ new: String, selectorKeys: Set<String> = []) throws -> Bool {
    let edited = deployment.replacingOccurrences(of: old, with: new)
    #expect(edited != deployment, "'\(old)' is not in the deployment")
    return ServiceLocalDifference.holds(
      between: try node(deployment), and: try node(edited),
      labelMayDiffer: { !selectorKeys.contains($0) })
  }

  @Test func imagesEnvironmentValuesAndUnselectedLabelsMayDiffer() throws {
    #expect(try Self.holds("web:1.0.0", "web:1.1.0"))
    #expect(try Self.holds("migrate:1.0.0", "migrate:2.0.0"))
    #expect(try Self.holds("value: 1.0.0", "value: 1.1.0"))
    #expect(try Self.holds("version: 1.0.0}", "version: 1.1.0}"))
  }

  @Test func whatOthersCanSeeMayNot() throws {
    // A label a selector names, a selector, a name, an env variable's name or source.
    #expect(
      try !Self.holds(
        "version: 1.0.0}", "version: 1.1.0}", selectorKeys: ["app.kubernetes.io/version"]))
    #expect(
      try !Self.holds(
        "matchLabels: {app.kubernetes.io/name: web}", "matchLabels: {app.kubernetes.io/name: api}"))
    #expect(try !Self.holds("  name: web\n", "  name: api\n"))
    #expect(try !Self.holds("name: VERSION", "name: RELEASE"))
    #expect(try !Self.holds("name: web-db", "name: api-db"))
    // A label or an image that appears or goes, or changes type.
    #expect(try !Self.holds(", app.kubernetes.io/version: 1.0.0}\nspec:", "}\nspec:"))
    #expect(try !Self.holds("image: ghcr.io/acme/web:1.0.0", "image: [ghcr.io/acme/web]"))
    // Another type of the same value.
    let int = try Self.node("kind: Thing\nspec: {replicas: 2}")
    let float = try Self.node("kind: Thing\nspec: {replicas: 2.0}")
    #expect(!ServiceLocalDifference.holds(between: int, and: float, labelMayDiffer: { _ in true }))
  }

  @Test func anImageOutsideAContainerMayNot() throws {
    let old = try Self.node("kind: Thing\nspec: {image: a:1, containers: [{image: a:1}]}")
    let image = try Self.node("kind: Thing\nspec: {image: a:2, containers: [{image: a:1}]}")
    let container = try Self.node("kind: Thing\nspec: {image: a:1, containers: [{image: a:2}]}")
    #expect(!ServiceLocalDifference.holds(between: old, and: image, labelMayDiffer: { _ in true }))
    #expect(
      ServiceLocalDifference.holds(between: old, and: container, labelMayDiffer: { _ in true }))
  }

  @Test func selectorKeysAreEveryKeyAndWordASelectorNames() throws {
    let resources = try [
      """
      kind: Service
      spec: {selector: {app: web}, ports: [{port: 80}]}
      """,
      """
      kind: PodDisruptionBudget
      spec:
        selector:
          matchExpressions: [{key: tier, operator: In, values: [gold]}]
      """,
      """
      kind: Thing
      spec: {podSelector: "zone=eu,track!=canary", labels: {unselected: x}}
      """,
      """
      kind: Deployment
      spec:
        template:
          spec:
            topologySpreadConstraints: [{maxSkew: 1, matchLabelKeys: [pod-template-hash]}]
      """,
    ].map { text in
      Resource(
        body: try Self.node(text), service: "web", environment: "prod", source: .generated)
    }
    let keys = SelectorKeys.collect(in: resources)
    for key in ["app", "tier", "zone", "track", "pod-template-hash"] {
      #expect(keys.contains(key), "\(key)")
    }
    #expect(!keys.contains("unselected"))
    #expect(!keys.contains("ports"))
  }
}
