import TestSupport
import Testing

@testable import RenderKit

@Suite struct ResourcePathTests {
  private func resource(kind: String, name: String, service: String? = "checkout") -> Resource {
    Resource(
      body: .mapping([
        .init("apiVersion", .string("v1")), .init("kind", .string(kind)),
        .init("metadata", .mapping([.init("name", .string(name))])),
      ]),
      service: service, environment: "prod", source: testFiles.start(of: "templates/web/x.yaml"))
  }

  @Test func aServiceResourceGoesToItsServiceFolder() {
    #expect(
      ResourcePath.path(for: resource(kind: "Deployment", name: "checkout"))
        == "prod/checkout/deployment-checkout.yaml")
  }

  @Test func anEnvironmentResourceGoesToEnvironment() {
    #expect(
      ResourcePath.path(for: resource(kind: "ResourceQuota", name: "default", service: nil))
        == "prod/_environment/resourcequota-default.yaml")
  }

  @Test(arguments: [
    ("HorizontalPodAutoscaler", "Checkout", "horizontalpodautoscaler-checkout.yaml"),
    ("ClusterRole", "system:controller:checkout", "clusterrole-system_controller_checkout.yaml"),
    ("ConfigMap", "a.b-c", "configmap-a.b-c.yaml"),
    ("ConfigMap", "..", "configmap-_..yaml"),
    ("ConfigMap", ".hidden", "configmap-_hidden.yaml"),
    ("ConfigMap", "../../etc/passwd", "configmap-_._.._etc_passwd.yaml"),
    ("ConfigMap", "na\u{EF}ve", "configmap-na_ve.yaml"),
    ("ConfigMap", "with space", "configmap-with_space.yaml"),
  ])
  func fileNamesAreLowercaseAndCannotLeaveTheirFolder(
    kind: String, name: String, expected: String
  ) {
    let fileName = ResourcePath.fileName(kind: kind, name: name)
    #expect(fileName == expected)
    #expect(!fileName.contains("/"))
  }

  /// Issue 10 item 4: a valid 253-character name with a long kind made a file name the
  /// file system refused ("File name too long").
  @Test func longNamesAreCutToFitTheFileSystemWithAStableHash() throws {
    let name = String(repeating: "a", count: 200) + "." + String(repeating: "b", count: 52)
    let kind = "VeryLongCustomResourceKindForTestingTheLimit"
    let fileName = ResourcePath.fileName(kind: kind, name: name)
    #expect(fileName.utf8.count == ResourcePath.maximumFileNameLength)
    #expect(fileName.hasPrefix("verylongcustomresourcekindfortestingthelimit-aaaa"))
    #expect(fileName.hasSuffix(".yaml"))
    #expect(fileName == ResourcePath.fileName(kind: kind, name: name))
    // Names that share the kept prefix still get files of their own.
    let other = ResourcePath.fileName(kind: kind, name: String(name.dropLast()) + "c")
    #expect(other != fileName && other.utf8.count == fileName.utf8.count)
    // The file system takes it.
    let folder = try TemporaryFolder()
    try FileSystem.createFile(folder.path + "/" + fileName, bytes: [])
    // Names that fit are unchanged.
    let fits = String(repeating: "a", count: 240)
    #expect(ResourcePath.fileName(kind: "ConfigMap", name: fits) == "configmap-\(fits).yaml")
  }
}

@Suite struct OutputPlannerTests {
  private func resource(
    _ text: String, service: String?, environment: String = "prod",
    file: String = "templates/web/a.yaml"
  ) throws -> Resource {
    Resource(
      body: try RepositoryFixture.node(text, file: file), service: service,
      environment: environment, source: testFiles.start(of: file))
  }

  private let versions = VersionsFile.make([:])

  /// Plans like the compiler: each environment's files, then the tree.
  private func plan(
    folder: String, resources: [String: [Resource]], versions: OutputFile,
    ownedPrefixes: [String], include: (Resource) -> Bool
  ) -> (OutputTree, [Diagnostic]) {
    var files: [OutputFile] = []
    var diagnostics: [Diagnostic] = []
    for environment in resources.keys.sorted() {
      let (environmentFiles, found) = OutputPlanner.files(
        for: resources[environment] ?? [], environment: environment, folder: folder,
        fileNames: testFiles, include: include)
      files += environmentFiles
      diagnostics += found
    }
    let tree = OutputPlanner.plan(
      folder: folder, environmentFiles: files, versions: versions, ownedPrefixes: ownedPrefixes)
    return (tree, diagnostics)
  }

  @Test func eachResourceBecomesOneGeneratedFile() throws {
    var deployment = try resource(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n", service: "web")
    deployment.inputs = ["templates/web/template.yaml", "services/web/service.yaml"]
    let quota = try resource(
      "apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\n", service: nil,
      environment: "dev", file: "environments/dev/resources/quota.yaml")
    let (tree, diagnostics) = plan(
      folder: "rendered", resources: ["prod": [deployment], "dev": [quota]],
      versions: versions, ownedPrefixes: [""], include: { _ in true })
    #expect(diagnostics.isEmpty)
    #expect(
      tree.files.map(\.path) == [
        "dev/_environment/resourcequota-q.yaml", "prod/web/deployment-web.yaml", "versions.yaml",
      ])
    let body = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
    #expect(
      String(decoding: tree.files[1].contents, as: UTF8.self)
        == """
        # Generated by render. Do not edit: change the inputs and run `render build`.
        # Source: templates/web/a.yaml
        # Inputs: templates/web/template.yaml, services/web/service.yaml
        # Checksum: sha256:\(GeneratedHeader.checksum(Array(body.utf8)))

        """ + body)
    #expect(
      String(decoding: tree.files[0].contents, as: UTF8.self).contains(
        "# Source: environments/dev/resources/quota.yaml\n"))
    #expect(
      tree.displayPath("prod/web/deployment-web.yaml") == "rendered/prod/web/deployment-web.yaml")
  }

  @Test func twoResourcesForOnePathAreAnError() throws {
    let first = try resource(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n", service: "web",
      file: "templates/web/a.yaml")
    let second = try resource(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Settings}\n", service: "web",
      file: "templates/web/b.yaml")
    let (tree, diagnostics) = plan(
      folder: "rendered", resources: ["prod": [first, second]], versions: versions,
      ownedPrefixes: [""], include: { _ in true })
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "templates/web/b.yaml:1:1: ConfigMap/Settings is rendered twice for service 'web' in environment 'prod' (both would be written to rendered/prod/web/configmap-settings.yaml)"
      ])
    #expect(diagnostics.first?.rule == "unique")
    #expect(
      diagnostics.first?.related.first?.location == testFiles.start(of: "templates/web/a.yaml"))
    #expect(tree.files.map(\.path) == ["prod/web/configmap-settings.yaml", "versions.yaml"])
  }

  @Test func theSameResourceInTwoEnvironmentsIsFine() throws {
    let (tree, diagnostics) = plan(
      folder: "rendered",
      resources: [
        "prod": [
          try resource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", service: "web")
        ],
        "dev": [
          try resource(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", service: "web",
            environment: "dev")
        ],
      ], versions: versions, ownedPrefixes: [""], include: { _ in true })
    #expect(diagnostics.isEmpty)
    #expect(tree.files.count == 3)
  }

  @Test func resourcesTheFilterExcludesAreNotPlanned() throws {
    let (tree, _) = plan(
      folder: "rendered",
      resources: [
        "prod": [
          try resource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", service: "web"),
          try resource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", service: "api"),
        ]
      ], versions: versions, ownedPrefixes: ["prod/web/", "versions.yaml"],
      include: { $0.service == "web" })
    #expect(tree.files.map(\.path) == ["prod/web/configmap-a.yaml", "versions.yaml"])
    #expect(tree.owns("prod/web/old.yaml"))
    #expect(tree.owns("versions.yaml"))
    #expect(!tree.owns("prod/api/configmap-b.yaml"))
    #expect(!tree.owns("prod/web"))
    #expect(!tree.owns("versions.yaml.bak"))
  }
}

@Suite struct VersionsFileTests {
  @Test func environmentsAndServicesAreSorted() {
    let file = VersionsFile.make([
      "prod": [
        "payments": Located("ghcr.io/acme/payments:4.1.3", at: .generated),
        "checkout": Located("ghcr.io/acme/checkout@sha256:abc", at: .generated),
      ],
      "dev": ["checkout": Located("ghcr.io/acme/checkout:1.5.0", at: .generated)],
      "empty": [:],
    ])
    #expect(file.path == "versions.yaml")
    #expect(GeneratedHeader.isIntact(file.contents))
    let text = String(decoding: file.contents, as: UTF8.self)
    let body = text.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { $0.hasPrefix("#") }.joined(separator: "\n")
    #expect(
      body == """
        dev:
          checkout: ghcr.io/acme/checkout:1.5.0
        empty: {}
        prod:
          checkout: ghcr.io/acme/checkout@sha256:abc
          payments: ghcr.io/acme/payments:4.1.3

        """)
  }

  /// `ChangedServicesCompile` edits the stored versions.yaml through `read`: what
  /// `make` wrote reads back to what it was made of, empty environments and values
  /// YAML would read as other types included.
  @Test func whatMakeWritesReadsBack() {
    let versions: [String: [String: String]] = [
      "prod": ["a": "1.10", "b": "ghcr.io/acme/b@sha256:abc", "c": "true", "d": "x: y"],
      "dev": ["a": "null"],
      "empty": [:],
    ]
    let file = VersionsFile.make(
      versions.mapValues { $0.mapValues { Located($0, at: .generated) } })
    #expect(VersionsFile.read(file.contents) == versions)
  }

  @Test func aVersionYAMLWouldReadAsANumberIsQuoted() {
    let file = VersionsFile.make(["prod": ["x": Located("1.10", at: .generated)]])
    #expect(String(decoding: file.contents, as: UTF8.self).hasSuffix("prod:\n  x: \"1.10\"\n"))
  }
}
