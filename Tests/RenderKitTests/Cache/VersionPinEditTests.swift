import Testing

@testable import RenderKit

/// Which edits of an environment folder are version pins, and of which services.
@Suite struct VersionPinEditTests {
  static let environment = """
    inherits: base
    namespace: shop-prod
    services:
      checkout: {version: 1.0.0}
      catalog:
        version: 2.0.0
        values: {replicas: 3}
    """

  static func services(
    _ before: String?, _ after: String?, path: String = "environments/prod/environment.yaml"
  ) -> Set<String>? {
    VersionPinEdit.services(path: path, before: before, after: after)
  }

  @Test func pinsOfServicesInEnvironmentYAML() {
    let text = Self.environment
    #expect(
      Self.services(text, text.replacingOccurrences(of: "1.0.0", with: "1.0.1")) == ["checkout"])
    #expect(
      Self.services(text, text.replacingOccurrences(of: "2.0.0", with: "2.1.0")) == ["catalog"])
    // A pin added, a service's override added with only a pin, a pin removed.
    #expect(
      Self.services(
        text,
        text.replacingOccurrences(of: "{version: 1.0.0}", with: "{version: 1.0.0, image: x/y}"))
        == ["checkout"])
    #expect(Self.services(text, text + "\n  cart: {version: 3.0.0}") == ["cart"])
    #expect(
      Self.services(text, text.replacingOccurrences(of: "    version: 2.0.0\n", with: ""))
        == ["catalog"])
    // Comments and layout are not edits.
    #expect(
      Self.services(
        text,
        "# pinned by CI\n"
          + text.replacingOccurrences(of: "{version: 1.0.0}", with: "\n    version: 1.0.0"))
        == [])
  }

  @Test func everythingElseIsNot() {
    let text = Self.environment
    #expect(
      Self.services(text, text.replacingOccurrences(of: "replicas: 3", with: "replicas: 4")) == nil)
    #expect(Self.services(text, text.replacingOccurrences(of: "shop-prod", with: "shop")) == nil)
    #expect(Self.services(text, text + "\ndefaults: {version: 9.0.0}") == nil)
    #expect(
      Self.services(
        text,
        text.replacingOccurrences(of: "{version: 1.0.0}", with: "{version: 1.0.0, namespace: x}"))
        == nil)
    #expect(Self.services(text, "services: [") == nil)
    #expect(Self.services(text, nil) == nil)
  }

  /// What `==` on nodes would let through: another type, another style, another order.
  @Test func theRestMustBeTheSameToTheLetter() {
    let text = Self.environment
    #expect(
      Self.services(text, text.replacingOccurrences(of: "replicas: 3", with: "replicas: 3.0"))
        == nil)
    #expect(
      Self.services(text, text.replacingOccurrences(of: "replicas: 3", with: "replicas: \"3\""))
        == nil)
    #expect(
      Self.services(
        text, text.replacingOccurrences(of: "namespace: shop-prod", with: "namespace: 'shop-prod'"))
        == nil)
    #expect(
      Self.services(
        text,
        text.replacingOccurrences(
          of: "inherits: base\nnamespace: shop-prod", with: "namespace: shop-prod\ninherits: base"))
        == nil)
    #expect(
      Self.services(
        "version: 1\nvalues: {a: 1, b: 2}\n", "version: 2\nvalues: {b: 2, a: 1}\n",
        path: "environments/prod/checkout.yaml") == nil)
  }

  @Test func overrideFiles() {
    let path = "environments/prod/checkout.yaml"
    let text = "version: 1.0.0\nvalues: {replicas: 2}\n"
    #expect(
      Self.services(text, text.replacingOccurrences(of: "1.0.0", with: "1.1.0"), path: path) == [
        "checkout"
      ])
    #expect(Self.services(nil, "version: 1.1.0\n", path: path) == ["checkout"])
    #expect(Self.services("image: a/b\nversion: 1\n", nil, path: path) == ["checkout"])
    #expect(Self.services(text, text.replacingOccurrences(of: "2}", with: "3}"), path: path) == nil)
    #expect(Self.services(nil, text, path: path) == nil)
    // Anything else in an environment folder.
    #expect(
      Self.services("a: 1\n", "a: 2\n", path: "environments/prod/resources/quota.yaml") == nil)
    #expect(Self.services("x", "y", path: "environments/prod/README.md") == nil)
  }
}
