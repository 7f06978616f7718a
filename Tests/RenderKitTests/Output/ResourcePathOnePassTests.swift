import Testing

@testable import RenderKit

/// File names built in one pass over ASCII, and by Unicode rules otherwise.
@Suite struct ResourcePathOnePassTests {
  @Test(arguments: [
    ("Deployment", "api", "deployment-api.yaml"),
    ("ClusterRole", "system:controller:Foo", "clusterrole-system_controller_foo.yaml"),
    (".Kind", ".hidden", "_kind-_hidden.yaml"),
    ("ConfigMap", "a b/c", "configmap-a_b_c.yaml"),
    ("", "", "-.yaml"),
    // Non-ASCII takes the Unicode path: the Kelvin sign lowercases to an ASCII `k`.
    ("\u{212A}ind", "x", "kind-x.yaml"),
    ("Secret", "caf\u{E9}", "secret-caf_.yaml"),
  ])
  func fileName(kind: String, name: String, expected: String) {
    #expect(ResourcePath.fileName(kind: kind, name: name) == expected)
  }

  @Test func pathJoinsEnvironmentServiceAndFileName() {
    #expect(
      ResourcePath.asciiFileName(kind: "Service", name: "Web", prefix: ["prod", "web"])
        == "prod/web/service-web.yaml")
    // Too long for one pass: the name is cut and hashed by `fileName`.
    #expect(
      ResourcePath.asciiFileName(kind: "ConfigMap", name: String(repeating: "a", count: 250)) == nil
    )
    #expect(
      ResourcePath.fileName(kind: "ConfigMap", name: String(repeating: "a", count: 250)).utf8.count
        == 255)
  }
}
