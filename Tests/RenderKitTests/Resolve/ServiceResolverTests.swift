import TestSupport
import Testing

@testable import RenderKit

/// Everything but values: image, version, enabled, namespace and labels.
@Suite struct ServiceResolverTests {
  private let digest = "sha256:" + String(repeating: "ab", count: 32)

  @Test func imageRefJoinsImageAndTag() throws {
    let result = try ResolveFixture.resolve([:])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "ghcr.io/acme/checkout:1.4.2")
    #expect(
      result.service.version?.location
        == testFiles.location("services/checkout/service.yaml", line: 3, column: 10))
  }

  @Test func imageRefUsesAtForADigest() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "version: \(digest)\n"
    ])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "ghcr.io/acme/checkout@\(digest)")
  }

  @Test func theLeafOverridesVersionAndImageOverTheRoot() throws {
    let result = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\nservices:\n  checkout: {version: 1.0.0, image: registry.local:5000/acme/checkout}\n",
      "environments/prod/checkout.yaml": "version: 2.0.0\n",
    ])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "registry.local:5000/acme/checkout:2.0.0")
    #expect(result.service.version?.location.testPath == "environments/prod/checkout.yaml")
    #expect(result.service.image?.location.testPath == "environments/base/environment.yaml")
  }

  @Test(arguments: [
    "1.4.2!", "-rc1", ".hidden", "1.0 beta", "sha256:abc",
    "sha256:" + String(repeating: "A", count: 64), String(repeating: "1", count: 129),
  ])
  func anInvalidVersionIsReportedWhereItIsSet(version: String) throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "version: '\(version)'\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:1:10: version '\(version)' is neither an image tag nor a sha256 digest"
      ])
  }

  @Test(arguments: ["v1.2.3_build-4", "latest", "1", String(repeating: "a", count: 128)])
  func validTags(version: String) {
    #expect(ImageReference.isValidVersion(version))
  }

  @Test(arguments: [
    "ghcr.io/acme/checkout:1.4.2", "ghcr.io/acme/checkout@sha256:abc", "checkout:latest",
  ])
  func anImageWithATagOrDigestIsAnError(image: String) throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": "template: web\nimage: \(image)\nversion: 1.4.2\n"
    ])
    #expect(
      result.findings == [
        "services/checkout/service.yaml:2:8: image '\(image)' includes a tag or digest; write the repository only and set 'version'"
      ])
  }

  @Test func aRegistryPortIsNotATag() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml":
        "template: web\nimage: localhost:5000/checkout\nversion: 1.4.2\n"
    ])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == "localhost:5000/checkout:1.4.2")
  }

  @Test func anImageWithoutAVersionNamesTheEnvironment() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": "template: web\nimage: ghcr.io/acme/checkout\n"
    ])
    #expect(
      result.findings == [
        "services/checkout/service.yaml:2:8: service 'checkout' has no version in environment 'prod'"
      ])
    #expect(
      result.diagnostics.first?.help
        == "set 'version' in services/checkout/service.yaml or in environments/prod/checkout.yaml")
    #expect(result.service.imageRef == nil)
  }

  @Test func aVersionWithoutAnImage() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": "template: web\n",
      "environments/prod/checkout.yaml": "version: 1.0.0\n",
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:1:10: service 'checkout' sets a version but no image"
      ])
  }

  @Test func aServiceWithoutImageOrVersionIsFine() throws {
    let result = try ResolveFixture.resolve(["services/checkout/service.yaml": "template: web\n"])
    #expect(result.findings.isEmpty)
    #expect(result.service.imageRef == nil)
  }

  @Test func enabledFollowsTheMostSpecificOverride() throws {
    let disabled = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\nservices:\n  checkout: {enabled: false}\n"
    ])
    #expect(!disabled.service.isEnabled)
    let enabledAgain = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\nservices:\n  checkout: {enabled: false}\n",
      "environments/prod/checkout.yaml": "enabled: true\n",
    ])
    #expect(enabledAgain.service.isEnabled)
    #expect(try ResolveFixture.resolve([:]).service.isEnabled)
  }

  @Test func namespaceIsTheOverridesElseTheEnvironments() throws {
    let fromEnvironment = try ResolveFixture.resolve([:])
    #expect(fromEnvironment.service.namespace?.value == "shop-prod")
    let fromOverride = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "namespace: payments\n"
    ])
    #expect(fromOverride.service.namespace?.value == "payments")
    // An ancestor's override for the service is more specific than the leaf's namespace
    // for every service.
    let fromBaseOverride = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\nservices:\n  checkout: {namespace: payments}\n"
    ])
    #expect(fromBaseOverride.service.namespace?.value == "payments")
    #expect(
      fromBaseOverride.service.namespace?.location.testPath == "environments/base/environment.yaml")
  }

  @Test func labelsLayerFromEnvironmentToServiceToDefaultsToOverrides() throws {
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml": """
      template: web
      image: ghcr.io/acme/checkout
      version: 1.4.2
      labels: {a: service, b: service, c: service, d: service}
      """,
      "environments/base/environment.yaml": """
      abstract: true
      labels: {env: base, a: base-env, shared: base}
      defaults:
        labels: {b: base-defaults, c: base-defaults, d: base-defaults}
      services:
        checkout:
          labels: {c: base-override, d: base-override}
      """,
      "environments/prod/environment.yaml": """
      inherits: base
      namespace: shop-prod
      labels: {env: prod}
      """,
      "environments/prod/checkout.yaml": "labels: {d: prod-override, shared: null}\n",
    ])
    #expect(result.findings.isEmpty)
    #expect(
      result.service.labels
        == (try RepositoryFixture.node(
          "{env: prod, a: service, b: base-defaults, c: base-override, d: prod-override}")))
  }

  @Test func aManifestsServiceTakesNoValuesFromOverrides() throws {
    let result = try ResolveFixture.resolve(
      [
        "services/redis/service.yaml":
          "manifests: vendor\nimage: docker.io/library/redis\nversion: \"7.2\"\n",
        "services/redis/vendor/redis.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: redis}\n",
        "environments/prod/redis.yaml": "values:\n  replicas: 2\n",
      ], service: "redis")
    #expect(
      result.findings == [
        "environments/prod/redis.yaml:2:3: service 'redis' renders plain manifests and takes no values"
      ])
  }

  @Test func aManifestsServiceNeedsNoVersion() throws {
    let result = try ResolveFixture.resolve(
      [
        "services/redis/service.yaml": "manifests: vendor\nimage: docker.io/library/redis\n",
        "services/redis/vendor/redis.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: redis}\n",
      ], service: "redis")
    #expect(result.findings.isEmpty)
    #expect(result.service.layers.isEmpty)
  }

  @Test func theTemplateScopeOfTheService() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "version: \(digest)\n"
    ])
    let scope = result.service.scopeNode
    #expect(scope["name"]?.string == "checkout")
    #expect(scope["image"]?.string == "ghcr.io/acme/checkout")
    #expect(scope["imageRef"]?.string == "ghcr.io/acme/checkout@\(digest)")
    #expect(scope["imageRef"]?.location.testPath == "environments/prod/checkout.yaml")
    #expect(scope["namespace"]?.string == "shop-prod")
  }
}
