import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// docs/reference.md against the parsers: its examples parse without a finding, every
/// key its tables list appears in an example, and no parser accepts a key it does not
/// list. The last is checked by asking the parsers themselves: every string literal of
/// RenderKit's sources (where any key a parser reads is spelt) is added, with a null
/// value, to each mapping the page documents, and every one the parser does not report
/// as an unknown key is one it reads.
@Suite struct InputReferenceTests {
  typealias Page = InputReferencePage

  /// Files the examples refer to that the page does not show: template manifests, the
  /// vendored folder of a `manifests:` service, a schema folder.
  static let supportFiles: [String: String] = [
    "templates/web/deployment.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: "${ service.name }"}
    spec:
      selector: {matchLabels: {app.kubernetes.io/name: "${ service.name }"}}
      template:
        metadata: {labels: {app.kubernetes.io/name: "${ service.name }"}}
        spec:
          containers:
          - name: app
            image: ${ service.imageRef }
            ports:
            - containerPort: ${ values.port }
    """,
    "templates/web/service.yaml": """
    apiVersion: v1
    kind: Service
    metadata: {name: "${ service.name }"}
    spec:
      selector: {app.kubernetes.io/name: "${ service.name }"}
      ports:
      - port: ${ values.service.port }
    """,
    // Files the generators of the examples read.
    "services/checkout/application.properties": "server.port=8080\n",
    "services/checkout/conf/nginx.conf": "worker_processes 1;\n",
    "services/checkout/ca.crt": "-----BEGIN CERTIFICATE-----\n",
    "environments/base/token.txt": "s3cret",
    "services/redis/manifests/statefulset.yaml": """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: redis}
    spec:
      serviceName: redis
      selector: {matchLabels: {app: redis}}
      template:
        metadata: {labels: {app: redis}}
        spec:
          containers: [{name: redis, image: "redis:7.2.4"}]
    """,
  ]

  /// The repository of the page's examples, with `replacement` (an example) in place of
  /// the first example of its path.
  static func repository(_ page: Page, with replacement: Page.Example? = nil) -> Repository {
    var files = supportFiles
    for example in page.sections.flatMap(\.examples) where files[example.path] == nil {
      files[example.path] = example.text
    }
    if let replacement { files[replacement.path] = replacement.text }
    return RepositoryFixture.repository(files, base: [:], directories: ["crds"])
  }

  static func diagnostics(_ page: Page, with replacement: Page.Example? = nil) -> [Diagnostic] {
    PlatformParser.parse(repository(page, with: replacement)).diagnostics
  }

  @Test func thePageHasAnExampleAndKeysForEveryInputFile() throws {
    let page = try Page.load()
    let paths = page.sections.flatMap(\.examples).map(\.path)
    for expected in [
      "render.yaml", "templates/web/template.yaml", "services/checkout/service.yaml",
      "environments/prod/environment.yaml", "environments/prod/redis.yaml",
    ] {
      #expect(paths.contains(expected), "docs/reference.md has no example of \(expected)")
    }
    for section in page.sections where !section.examples.isEmpty {
      #expect(section.keys.count >= 5, "\(section.title) lists its keys")
    }
  }

  @Test func everyExampleParsesWithoutFindings() throws {
    let page = try Page.load()
    for example in page.sections.flatMap(\.examples) {
      let found = Self.diagnostics(page, with: example)
      #expect(
        found.isEmpty,
        "\(example.path) of docs/reference.md: \(RepositoryFixture.lines(found, in: testFiles))")
    }
  }

  @Test func everyDocumentedKeyAppearsInAnExampleOfItsFile() throws {
    let page = try Page.load()
    for section in page.sections where !section.examples.isEmpty {
      let documents = try section.examples.map {
        try YAMLParser.parse($0.text, file: $0.path, fileNames: testFiles)
      }
      for key in section.keys {
        let shown = documents.contains { $0.contains { !Page.places(of: key, in: $0).isEmpty } }
        #expect(
          shown,
          "'\(key.map(\.description).joined(separator: "."))' (\(section.title)) is in no example")
      }
    }
  }

  /// Every identifier-like string literal of RenderKit: a superset of the keys its
  /// parsers read, however they spell the reading.
  static func candidateKeys(besides documented: Set<String>) throws -> [String] {
    let sources = URL(fileURLWithPath: PackageRoot.path + "/Sources/RenderKit")
    var found = documented
    let enumerator = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for match in text.matches(of: /"([A-Za-z][A-Za-z0-9]*)"/) {
        found.insert(String(match.output.1))
      }
    }
    return found.sorted()
  }

  @Test func noParserAcceptsAKeyThePageDoesNotList() throws {
    let page = try Page.load()
    let documented = Set(
      page.sections.flatMap(\.keys).compactMap { key -> String? in
        switch key.last {
        case .key(let name)?, .items(let name)?: name
        default: nil
        }
      })
    let candidates = try Self.candidateKeys(besides: documented)
    #expect(candidates.count > 100, "the sources were read")
    var probed = 0
    for section in page.sections where !section.examples.isEmpty {
      // The mappings of fixed keys: the file's root and every parent of a documented key
      // whose children are fixed names (not `<name>`s the user chooses).
      var parents: [[Page.Step]: Set<String>] = [[]: []]
      var chosen: Set<[Page.Step]> = []
      for key in section.keys {
        for end in key.indices {
          let parent = Array(key[..<end])
          switch key[end] {
          case .chosen: chosen.insert(parent)
          case .key(let name), .items(let name): parents[parent, default: []].insert(name)
          }
        }
      }
      for parent in chosen { parents[parent] = nil }
      for (parent, listed) in parents.sorted(by: { $0.key.count < $1.key.count }) {
        for example in section.examples {
          let document = try YAMLParser.parse(
            example.text, file: example.path, fileNames: testFiles)
          guard let root = document.first else { continue }
          for place in Page.places(of: parent, in: root) {
            guard let mapping = Page.node(at: place, in: root),
              let present = mapping.mapping.map({ Set($0.map(\.key)) })
            else { continue }
            let added = candidates.filter { !present.contains($0) }
            let probe = Page.Example(
              path: example.path,
              text: YAMLEmitter.emit(Page.adding(added, at: place, in: root)))
            let rejected = Set(
              Self.diagnostics(page, with: probe).filter { $0.location.testPath == example.path }
                .compactMap { finding in
                  finding.message.firstMatch(of: /^unknown key '([^']*)'/).map {
                    String($0.output.1)
                  }
                })
            // The example's own keys parse without findings, so the parser reads them too.
            let accepted = (present.sorted() + added).filter {
              !rejected.contains($0) && !listed.contains($0)
            }
            let place =
              parent.isEmpty
              ? "at the top" : "under " + parent.map(\.description).joined(separator: ".")
            #expect(
              accepted.isEmpty,
              "\(example.path) accepts \(accepted) \(place), which docs/reference.md does not list")
            probed += 1
          }
        }
      }
    }
    #expect(probed > 20, "mappings probed: \(probed)")
  }
}
