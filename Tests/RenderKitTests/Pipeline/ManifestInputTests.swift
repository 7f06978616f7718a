import Testing

@testable import RenderKit

/// How manifests and input files are read: `kind: List` expanded into its items, a byte
/// order mark accepted, leading-zero numbers kept as written where strings belong.
@Suite struct ManifestInputTests {
  typealias Fixture = CompilerTests

  static let list = """
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: one}
      data: {a: "1"}
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: two}
      data: {mode: 0644}
    """

  @Test func aListInAnEnvironmentsResourcesIsExpandedIntoItsItems() async throws {
    let compilation = try await Fixture.compile(["environments/dev/resources/list.yaml": Self.list])
    #expect(Fixture.findings(compilation) == [])
    let paths = compilation.tree.files.map(\.path)
    #expect(paths.contains("dev/_environment/configmap-one.yaml"))
    #expect(paths.contains("dev/_environment/configmap-two.yaml"))
    #expect(
      Fixture.body(compilation, "dev/_environment/configmap-two.yaml")?.contains("mode: \"0644\"")
        == true)
  }

  @Test func eachItemOfAListIsCheckedAndLocatedAtTheItem() async throws {
    let compilation = try await Fixture.compile([
      "environments/dev/resources/list.yaml": """
      apiVersion: v1
      kind: ConfigMapList
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: one}
      - kind: ConfigMap
        metadata: {name: two}
      """
    ])
    #expect(
      Fixture.findings(compilation) == [
        "environments/dev/resources/list.yaml:7:3: a manifest needs a string apiVersion; this one has none"
      ])
  }

  @Test func schemaFindingsInAListPointIntoTheirItem() async throws {
    let compilation = try await Fixture.compile([
      "environments/dev/resources/list.yaml": """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: ConfigMap
        metadata: {name: three}
        data: {port: 80}
      """
    ])
    #expect(
      Fixture.findings(compilation) == [
        "environments/dev/resources/list.yaml:7:16: 'port' must be a string, not an integer (80)"
      ])
  }

  @Test func aListWithoutItemsIsAnError() async throws {
    let compilation = try await Fixture.compile([
      "environments/dev/resources/list.yaml": "apiVersion: v1\nkind: List\nitems: {a: 1}\n"
    ])
    #expect(
      Fixture.findings(compilation) == [
        "environments/dev/resources/list.yaml:3:8: a 'List' needs 'items', a list of manifests, not a mapping"
      ])
  }

  @Test func aListInATemplateIsExpandedWithItsExpressions() async throws {
    let compilation = try await Fixture.compile([
      "templates/account/serviceaccount.yaml": """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: "${ service.name }"}
      - apiVersion: v1
        kind: ServiceAccount
        metadata: {name: "${ service.name }-reader"}
      """
    ])
    #expect(Fixture.findings(compilation) == [])
    let paths = compilation.tree.files.map(\.path)
    #expect(paths.contains("prod/worker/serviceaccount-worker.yaml"))
    #expect(paths.contains("prod/worker/serviceaccount-worker-reader.yaml"))
  }

  @Test func aByteOrderMarkIsAcceptedAndLineOneColumnsAreRight() async throws {
    let service = "\u{FEFF}template: web\nimage: ghcr.io/acme/payments\nversion: 2.0.0\n"
    let clean = try await Fixture.compile(["services/payments/service.yaml": service])
    #expect(Fixture.findings(clean) == [])
    let typo = try await Fixture.compile([
      "services/payments/service.yaml": "\u{FEFF}template: wbe\nimage: ghcr.io/acme/payments\n"
    ])
    let found = Fixture.findings(typo)
    #expect(found.first?.hasPrefix("services/payments/service.yaml:1:11: ") == true, "\(found)")
  }

  @Test func keysThatDifferOnlyByNormalizationAreNotMergedAcrossLayers() async throws {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    let merged = MergePatch.apply(
      try RepositoryFixture.node("\"\(decomposed)\": from-env\n"),
      to: try RepositoryFixture.node("\"\(composed)\": from-service\n"))
    #expect(merged.mapping?.map(\.key.utf8.count) == [composed.utf8.count, decomposed.utf8.count])
    #expect(merged[composed]?.string == "from-service")
    #expect(merged[decomposed]?.string == "from-env")
  }

  @Test func aMergeOfAHundredThousandKeysIsLinear() throws {
    // A linear search per key made this quadratic: minutes, not milliseconds.
    var entries: [Node.Entry] = []
    for index in 0..<100_000 { entries.append(Node.Entry("k\(index)", .scalar(.int(index)))) }
    let patch = Node.mapping(entries)
    let merged = MergePatch.apply(patch, to: patch)
    #expect(merged.mapping?.count == 100_000)
    let added = MergePatch.apply(patch, to: .mapping([]))
    #expect(added["k99999"]?.int == 99_999)
  }
}
