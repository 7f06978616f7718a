import TestSupport
import Testing

@testable import RenderKit

@Suite struct EnvironmentParserTests {
  private let path = "environments/prod/environment.yaml"

  @Test func anEnvironmentParsesEveryField() throws {
    let platform = RepositoryFixture.platform([
      "environments/base/environment.yaml": "abstract: true\nnamespace: shop\n",
      path: """
      inherits: base
      namespace: shop-prod
      cluster: prod-eu-1
      vars: {domain: shop.example.com, replicas: 3}
      labels: {environment: prod}
      defaults:
        values: {replicas: 3}
        labels: {tier: gold}
      services:
        checkout: {version: 1.4.1, enabled: false}
      patches:
        - target: {kind: ConfigMap}
          merge: {data: {a: "1"}}
      external:
        - {kind: Secret, name: db-credentials}
      policy:
        rules: {probes: error}
      """,
      "environments/prod/resources/quota.yaml":
        "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\n",
    ])
    let base = try #require(platform.environments["base"])
    #expect(base.isAbstract)
    let prod = try #require(platform.environments["prod"])
    #expect(!prod.isAbstract)
    #expect(prod.inherits == Located("base", at: testFiles.location(path, line: 1, column: 11)))
    #expect(prod.namespace?.value == "shop-prod")
    #expect(prod.cluster?.value == "prod-eu-1")
    #expect(prod.vars?["replicas"]?.int == 3)
    #expect(prod.labels?["environment"]?.string == "prod")
    #expect(prod.defaultValues?["replicas"]?.int == 3)
    #expect(prod.defaultLabels?["tier"]?.string == "gold")
    let override = try #require(prod.overrides["checkout"])
    #expect(override.file == path)
    #expect(override.location == testFiles.location(path, line: 10, column: 3))
    #expect(override.version?.value == "1.4.1")
    #expect(override.enabled?.value == false)
    #expect(prod.patches.count == 1)
    #expect(
      prod.external == [
        ExternalObject(
          kind: "Secret", name: "db-credentials",
          location: testFiles.location(path, line: 15, column: 5))
      ])
    #expect(prod.policy?.severities["probes"] == .error)
    #expect(prod.resources.map(\.path) == ["environments/prod/resources/quota.yaml"])
  }

  @Test func unknownKeysHaveADidYouMean() {
    #expect(
      RepositoryFixture.findings([
        path: "namepsace: shop-prod\ndefaults:\n  value: {replicas: 2}\n"
      ]) == [
        "\(path):1:1: unknown key 'namepsace' in \(path); did you mean 'namespace'?",
        "\(path):3:3: unknown key 'value' in 'defaults' in \(path); did you mean 'values'?",
      ])
  }

  @Test func anOverrideWithAnUnknownKey() {
    #expect(
      RepositoryFixture.findings([path: "services:\n  checkout:\n    verison: 1.4.3\n"]) == [
        "\(path):3:5: unknown key 'verison' in 'services.checkout' in \(path); did you mean 'version'?"
      ])
    #expect(
      RepositoryFixture.findings([
        "environments/prod/checkout.yaml": "version: 1.4.3\nreplicas: 3\n"
      ])
        == [
          "environments/prod/checkout.yaml:2:1: unknown key 'replicas' in environments/prod/checkout.yaml"
        ])
  }

  @Test func aPerServiceFileIsAnOverride() throws {
    let platform = RepositoryFixture.platform([
      "environments/prod/checkout.yaml": """
      version: 1.4.3
      image: ghcr.io/acme/checkout-fips
      namespace: payments
      labels: {canary: "true"}
      values: {replicas: 2}
      enabled: true
      patches: []
      """
    ])
    let override = try #require(platform.environments["prod"]?.overrides["checkout"])
    #expect(override.file == "environments/prod/checkout.yaml")
    #expect(override.location == testFiles.start(of: "environments/prod/checkout.yaml"))
    #expect(override.version?.value == "1.4.3")
    #expect(override.image?.value == "ghcr.io/acme/checkout-fips")
    #expect(override.namespace?.value == "payments")
    #expect(override.labels?["canary"]?.string == "true")
    #expect(override.values?["replicas"]?.int == 2)
    #expect(override.enabled?.value == true)
  }

  @Test func anOverrideInBothPlacesIsAnError() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      path: "namespace: shop-prod\nservices:\n  checkout: {version: 1.4.1}\n",
      "environments/prod/checkout.yaml": "version: 1.4.2\n",
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "environments/prod/checkout.yaml:1:1: 'checkout' is overridden both in environments/prod/checkout.yaml and under 'services' in \(path); keep one"
      ])
    #expect(
      diagnostics.first?.related.map(\.location) == [testFiles.location(path, line: 3, column: 3)])
    // The override kept is the one in environment.yaml, not a mix of both.
    #expect(platform.environments["prod"]?.overrides["checkout"]?.version?.value == "1.4.1")
  }

  @Test func anOverrideOfAnUnknownService() {
    #expect(
      RepositoryFixture.findings([
        "environments/prod/chekout.yaml": "version: 1.4.2\n",
        path: "services:\n  checkuot: {version: 1}\n  billing: {version: 1}\n",
      ]) == [
        "environments/prod/chekout.yaml:1:1: 'environments/prod/chekout.yaml' overrides 'chekout', which is not a service; did you mean 'checkout'?",
        "\(path):2:3: 'services' names 'checkuot', which is not a service; did you mean 'checkout'?",
        "\(path):3:3: 'services' names 'billing', which is not a service",
      ])
  }

  /// Issue 10 item 3: `.yml` reads like `.yaml` (it was skipped with a warning).
  @Test func aYmlOverrideFileIsReadLikeAYamlOne() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "environments/prod/checkout.yml": "version: 9.9.9\n"
    ])
    #expect(RepositoryFixture.lines(diagnostics, in: testFiles) == [])
    #expect(platform.environments["prod"]?.overrides["checkout"]?.version?.value == "9.9.9")
  }

  @Test func aYamlAndAYmlOverrideOfOneServiceAreAnError() throws {
    #expect(
      RepositoryFixture.findings([
        "environments/prod/checkout.yaml": "version: 1.0.0\n",
        "environments/prod/checkout.yml": "version: 2.0.0\n",
      ]) == [
        "environments/prod/checkout.yml:1:1: 'checkout' is overridden both in environments/prod/checkout.yaml and in environments/prod/checkout.yml; keep one"
      ])
  }

  @Test func resourcesInYmlAndJSONAreRead() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "environments/prod/resources/a.yml": "kind: ConfigMap\nmetadata: {name: a}\n",
      "environments/prod/resources/b.json":
        "{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"b\"}}\n",
    ])
    #expect(RepositoryFixture.lines(diagnostics, in: testFiles) == [])
    #expect(
      platform.environments["prod"]?.resources.map(\.path) == [
        "environments/prod/resources/a.yml", "environments/prod/resources/b.json",
      ])
    #expect(
      platform.environments["prod"]?.resources.last?.documents.first?["kind"]?.string == "ConfigMap"
    )
  }

  @Test func anUnknownParentSuggestsTheNearestEnvironment() {
    #expect(
      RepositoryFixture.findings([
        "environments/base/environment.yaml": "abstract: true\n",
        path: "inherits: bsae\n",
      ]) == [
        "\(path):1:11: environment 'prod' inherits 'bsae', which does not exist; did you mean 'base'?"
      ])
  }

  @Test func defaultValuesMustBeAParameterOfSomeTemplate() {
    #expect(
      RepositoryFixture.findings([path: "defaults:\n  values:\n    replica: 3\n    port: 80\n"])
        == [
          "\(path):3:5: 'defaults.values.replica' in \(path) is not a parameter of any template; did you mean 'replicas'?"
        ])
  }

  @Test func namespacesMustBeDNSLabels() {
    #expect(
      RepositoryFixture.findings([
        path: "namespace: Shop_Prod\n",
        "environments/prod/checkout.yaml": "namespace: -payments\n",
      ]) == [
        "environments/prod/checkout.yaml:1:12: namespace '-payments' is not a DNS-1123 label",
        "\(path):1:12: namespace 'Shop_Prod' is not a DNS-1123 label",
      ])
  }

  @Test func externalEntriesNeedAKindAndAName() {
    #expect(
      RepositoryFixture.findings([
        path: "external:\n  - {kind: Secret}\n  - {kind: ConfigMap, name: x, namespace: y}\n"
      ]) == [
        "\(path):2:5: an 'external' entry in \(path) is missing 'name'",
        "\(path):3:32: unknown key 'namespace' in an 'external' entry in \(path)",
      ])
  }

  @Test func anEnvironmentFolderWithoutEnvironmentYAML() {
    #expect(
      RepositoryFixture.findings([path: nil, "environments/prod/checkout.yaml": "version: 1.0.0\n"])
        == ["environments/prod:1:1: environment folder 'environments/prod' has no environment.yaml"]
    )
  }

  @Test func anInvalidEnvironmentNameIsAnErrorAndNeverAPath() throws {
    let (platform, diagnostics) = RepositoryFixture.parse([
      "environments/Prod.EU/environment.yaml": "namespace: x\n"
    ])
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "environments/Prod.EU:1:1: environment name 'Prod.EU' is not a DNS-1123 label"
      ])
    #expect(platform.environmentNames == ["prod"])
  }
}
