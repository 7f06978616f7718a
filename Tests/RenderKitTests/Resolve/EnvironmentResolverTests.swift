import TestSupport
import Testing

@testable import RenderKit

@Suite struct EnvironmentResolverTests {
  private func resolve(
    _ environments: [String: String]
  ) -> (
    environments: [String: ResolvedEnvironment], findings: [String]
  ) {
    var files: [String: String?] = ["environments/prod/environment.yaml": nil]
    for (name, text) in environments {
      files["environments/\(name)/environment.yaml"] = text
    }
    let (platform, _) = RepositoryFixture.parse(files)
    let (resolved, diagnostics) = EnvironmentResolver.resolve(platform)
    return (
      resolved, RepositoryFixture.lines(diagnostics.sortedForOutput(in: testFiles), in: testFiles)
    )
  }

  @Test func theChainRunsFromTheRootToTheLeaf() throws {
    let (environments, findings) = resolve([
      "base": "abstract: true\n",
      "eu": "abstract: true\ninherits: base\n",
      "prod-eu": "inherits: eu\n",
    ])
    #expect(findings.isEmpty)
    #expect(environments["prod-eu"]?.chain.map(\.name) == ["base", "eu", "prod-eu"])
    #expect(environments["eu"]?.chain.map(\.name) == ["base", "eu"])
    #expect(environments["base"]?.leaf?.isAbstract == true)
  }

  @Test func theNearestNamespaceAndClusterWin() throws {
    let (environments, _) = resolve([
      "base": "abstract: true\nnamespace: shop\ncluster: eu-1\n",
      "prod": "inherits: base\nnamespace: shop-prod\n",
    ])
    let prod = try #require(environments["prod"])
    #expect(prod.namespace?.value == "shop-prod")
    #expect(prod.cluster?.value == "eu-1")
    #expect(prod.cluster?.location.testPath == "environments/base/environment.yaml")
  }

  @Test func varsAndLabelsMergeDeeplyFromTheRoot() throws {
    let (environments, _) = resolve([
      "base": """
      abstract: true
      vars: {domain: example.com, db: {host: db, port: 5432}, flags: [a, b]}
      labels: {owner: platform, environment: base}
      """,
      "prod": """
      inherits: base
      vars: {domain: shop.example.com, db: {host: db-prod}, flags: [c]}
      labels: {environment: prod, owner: null}
      """,
    ])
    let prod = try #require(environments["prod"])
    #expect(
      prod.vars
        == (try RepositoryFixture.node(
          "{domain: shop.example.com, db: {host: db-prod, port: 5432}, flags: [c]}")))
    #expect(prod.vars["db"]?["port"]?.location.testPath == "environments/base/environment.yaml")
    #expect(prod.vars["db"]?["host"]?.location.testPath == "environments/prod/environment.yaml")
    #expect(prod.labels == (try RepositoryFixture.node("{environment: prod}")))
    #expect(prod.scopeNode["vars"]?["domain"]?.string == "shop.example.com")
    #expect(prod.scopeNode["name"]?.string == "prod")
    #expect(prod.scopeNode["cluster"]?.isNull == true)
  }

  @Test func resourcesAreInheritedAndAFileOfTheSameNameReplacesTheParents() throws {
    let platform = RepositoryFixture.platform([
      "environments/base/environment.yaml": "abstract: true\n",
      "environments/base/resources/quota.yaml":
        "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: base}\n",
      "environments/base/resources/limits.yaml":
        "apiVersion: v1\nkind: LimitRange\nmetadata: {name: base}\n",
      "environments/prod/environment.yaml": "inherits: base\n",
      "environments/prod/resources/quota.yaml":
        "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: prod}\n",
      "environments/prod/resources/priority.yaml":
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n",
    ])
    let (environments, _) = EnvironmentResolver.resolve(platform)
    let prod = try #require(environments["prod"])
    // Sorted by file name, whichever environment the file comes from.
    #expect(
      prod.resources.map(\.path) == [
        "environments/base/resources/limits.yaml",
        "environments/prod/resources/priority.yaml",
        "environments/prod/resources/quota.yaml",
      ])
  }

  @Test func externalObjectsOfTheWholeChain() throws {
    let (environments, _) = resolve([
      "base": "abstract: true\nexternal: [{kind: Secret, name: a}]\n",
      "prod": "inherits: base\nexternal: [{kind: Secret, name: b}]\n",
    ])
    #expect(environments["prod"]?.external.map(\.name) == ["a", "b"])
  }

  @Test func aCycleIsReportedOnceAndNoEnvironmentInItResolves() throws {
    let (environments, findings) = resolve([
      "a": "inherits: b\n",
      "b": "inherits: a\n",
      "solo": "namespace: solo\n",
    ])
    #expect(
      findings == [
        "environments/b/environment.yaml:1:11: environments inherit in a cycle: a -> b -> a"
      ])
    #expect(environments.keys.sorted() == ["solo"])
  }

  @Test func anEnvironmentInheritingItself() throws {
    let (environments, findings) = resolve(["loop": "inherits: loop\n"])
    #expect(
      findings == [
        "environments/loop/environment.yaml:1:11: environments inherit in a cycle: loop -> loop"
      ])
    #expect(environments["loop"] == nil)
  }

  @Test func anEnvironmentInheritingIntoACycleDoesNotRepeatTheCycle() throws {
    // `child` is not part of the cycle: the cycle is one finding, named by its members.
    let (environments, findings) = resolve([
      "a": "inherits: b\n",
      "b": "inherits: a\n",
      "child": "inherits: a\n",
    ])
    #expect(
      findings == [
        "environments/b/environment.yaml:1:11: environments inherit in a cycle: a -> b -> a"
      ])
    #expect(environments.isEmpty)
  }

  @Test func anUnknownParentLeavesTheEnvironmentUnresolvedWithoutASecondFinding() throws {
    let (platform, _) = RepositoryFixture.parse([
      "environments/prod/environment.yaml": "inherits: nowhere\n"
    ])
    let (environments, diagnostics) = EnvironmentResolver.resolve(platform)
    #expect(diagnostics.isEmpty)  // the parser reported it
    #expect(environments["prod"] == nil)
  }
}
