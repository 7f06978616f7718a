import TestSupport
import Testing

@testable import RenderKit

/// Manifests in, findings out: what every rule test builds on. Resources are rendered
/// for service `example` in environment `test` (namespace `test`), as the rule examples
/// promise; a document headed by a `# service: NAME` comment is rendered for NAME.
enum RuleTestSupport {
  static let file = "example.yaml"

  /// The resources of `manifests`, each with the location of its document.
  static func resources(_ manifests: String, file: String = file) throws -> [RenderedResource] {
    let lines = manifests.split(separator: "\n", omittingEmptySubsequences: false)
    return try YAMLParser.parse(manifests, file: file, fileNames: testFiles).map { body in
      rendered(
        body, service: service(heading: body.location.line, in: lines),
        source: body.location.isKnown ? body.location : testFiles.start(of: file))
    }
  }

  /// The service named by a `# service: NAME` comment between the document's first line
  /// (1-based `line`) and the `---` or content before it; `example` when there is none.
  static func service(heading line: Int, in lines: [Substring]) -> String {
    var index = line - 2
    while index >= 0 {
      let text = lines[index].trimmingPrefix(while: \.isWhitespace)
      if text.hasPrefix("# service:") {
        return String(text.dropFirst("# service:".count).trimmingPrefix(while: \.isWhitespace))
      }
      guard text.isEmpty || text.hasPrefix("#") else { break }
      index -= 1
    }
    return "example"
  }

  /// A resource from a tree built by hand (values with locations of other files).
  static func rendered(
    _ body: Node, service: String = "example",
    source: YAML.SourceLocation = testFiles.start(of: file)
  ) -> RenderedResource {
    let resource = Resource(body: body, service: service, environment: "test", source: source)
    return RenderedResource(
      resource: resource, path: "rendered/" + ResourcePath.path(for: resource))
  }

  static func context(
    _ resources: [RenderedResource], external: [String] = [],
    policy: PolicySettings = PolicySettings()
  ) -> ValidationContext {
    ValidationContext(
      environment: "test", namespace: "test", resources: resources,
      external: external.map(externalObject), policy: policy)
  }

  /// `Secret/db` as an `external:` entry of environment.yaml.
  static func externalObject(_ text: String) -> ExternalObject {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    return ExternalObject(
      kind: parts.first ?? "", name: parts.count == 2 ? parts[1] : "",
      location: testFiles.start(of: "environments/test/environment.yaml"))
  }

  /// What `rule` reports on `manifests`.
  static func findings(
    _ rule: any PolicyRule, _ manifests: String, external: [String] = [],
    policy: PolicySettings = PolicySettings()
  ) throws -> [Diagnostic] {
    rule.check(context(try resources(manifests), external: external, policy: policy))
  }

  /// Findings as `line:column: message`, the shape most expectations compare.
  static func summary(_ findings: [Diagnostic]) -> [String] {
    findings.map { "\($0.location.line):\($0.location.column): \($0.message)" }
  }

  /// `node` with the value at `path` replaced, as a template substitution or a patch
  /// leaves it: the new value keeps its own location.
  static func replacing(_ path: [PathComponent], with value: Node, in node: Node) -> Node {
    guard let first = path.first else { return value }
    let rest = Array(path.dropFirst())
    var result = node
    switch first {
    case .key(let key):
      guard let child = node[key] else { return node }
      result.set(key, to: replacing(rest, with: value, in: child))
    case .index(let index):
      guard var items = node.sequence, items.indices.contains(index) else { return node }
      items[index] = replacing(rest, with: value, in: items[index])
      result = Node(.sequence(items), at: node.location)
    }
    return result
  }

  /// `spec.containers.0.image` as path components.
  static func path(_ text: String) -> [PathComponent] {
    text.split(separator: ".").map { part in
      Int(part).map(PathComponent.index) ?? .key(String(part))
    }
  }
}
