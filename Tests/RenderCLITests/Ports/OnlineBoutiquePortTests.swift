import Foundation
import TestSupport
import Testing

/// Issue 9's "done when": a port of four services of Google's Online Boutique demo
/// (`Tests/Fixtures/ports/online-boutique/repo`) renders with no workaround, and its dev
/// output is the plain upstream manifests (`../upstream/*.yaml`), order included.
///
/// The port uses what a real platform needs: one release tag and registry for every
/// templated service (`defaults` in base), env vars that refer to earlier ones
/// (`REDIS_ADDR: $(REDIS_HOST):6379`), a NetworkPolicy beside each template, a
/// content-hashed ConfigMap (the same name `kubectl kustomize` gives it) with its
/// volume rewritten, and a vendored Redis. The only thing the comparison removes is
/// the label render marks its output with, `app.kubernetes.io/managed-by: render`.
@Suite struct OnlineBoutiquePortTests {
  static let fixture = PackageRoot.fixture("ports/online-boutique")

  /// The upstream documents by the path render writes each to (`<service>/<kind>-<name>.yaml`).
  static func upstream() throws -> [String: String] {
    var documents: [String: String] = [:]
    let folder = fixture + "/upstream"
    for file in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() {
      let service = String(file.dropLast(".yaml".count))
      let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
      for document in text.components(separatedBy: "---\n") {
        let lines = document.split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard let kind = lines.first(where: { $0.hasPrefix("kind: ") })?.dropFirst(6),
          let name = lines.first(where: { $0.hasPrefix("  name: ") })?.dropFirst(8)
        else { throw TestFailure("\(file): a document without kind or name") }
        documents["\(service)/\(kind.lowercased())-\(name).yaml"] =
          lines.joined(separator: "\n") + "\n"
      }
    }
    return documents
  }

  /// A rendered file without render's header and its `managed-by` label (and a
  /// `labels:` that held only that label).
  static func plain(_ rendered: String) -> String {
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { $0.hasPrefix("#") }
      .filter { $0.trimmingCharacters(in: .whitespaces) != "app.kubernetes.io/managed-by: render" }
    var kept: [Substring] = []
    for (index, line) in lines.enumerated() {
      if line.trimmingCharacters(in: .whitespaces) == "labels:" {
        let indent = line.prefix { $0 == " " }.count
        let next =
          index + 1 < lines.count ? lines[lines.index(lines.startIndex, offsetBy: index + 1)] : ""
        if next.prefix(while: { $0 == " " }).count <= indent { continue }
      }
      kept.append(line)
    }
    return kept.joined(separator: "\n")
  }

  @Test func devRendersExactlyTheUpstreamManifests() throws {
    let folder = try TemporaryFolder(prefix: "render-port")
    let root = folder.path + "/online-boutique"
    try FileManager.default.copyItem(atPath: Self.fixture + "/repo", toPath: root)
    let build = try RenderBinary.run(["build", "--root", root])
    #expect(build.status == 0, "\(build.transcript)")
    #expect(!build.stderr.contains("error"), "\(build.transcript)")

    let expected = try Self.upstream()
    let dev = root + "/rendered/dev"
    var rendered: [String: String] = [:]
    for service in try FileManager.default.contentsOfDirectory(atPath: dev) {
      for file in try FileManager.default.contentsOfDirectory(atPath: dev + "/" + service) {
        rendered["\(service)/\(file)"] = Self.plain(
          try String(contentsOfFile: "\(dev)/\(service)/\(file)", encoding: .utf8))
      }
    }
    #expect(rendered.keys.sorted() == expected.keys.sorted())
    for (path, text) in expected.sorted(by: { $0.key < $1.key }) {
      #expect(rendered[path] == text, "rendered/dev/\(path) differs from upstream")
    }
    // The release tag reaches every templated service; the vendored Redis keeps its own.
    let versions = try String(contentsOfFile: root + "/rendered/versions.yaml", encoding: .utf8)
    #expect(
      versions.contains(
        "cartservice: us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice:v0.10.1"
      ))
    #expect(versions.contains("redis-cart: redis:alpine"))
    // prod merges into the generated ConfigMap: new content, new name, reference follows.
    let prod = root + "/rendered/prod/productcatalogservice"
    let prodFiles = try FileManager.default.contentsOfDirectory(atPath: prod)
    let configMap = try #require(prodFiles.first { $0.hasPrefix("configmap-") })
    #expect(configMap != "configmap-productcatalog-products-782kgb676b.yaml")
    let name = String(configMap.dropFirst("configmap-".count).dropLast(".yaml".count))
    let deployment = try String(
      contentsOfFile: prod + "/deployment-productcatalogservice.yaml", encoding: .utf8)
    #expect(deployment.contains("name: \(name)\n"))
  }
}
