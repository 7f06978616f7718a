import TestSupport
import Testing

@testable import RenderKit

/// Inline YAML in, findings out: the helpers every schema test uses.
enum SchemaTestSupport {
  static let renderedPath = "rendered/prod/checkout/resource.yaml"

  static func node(_ yaml: String, file: String = "template.yaml") throws -> Node {
    let documents = try YAMLParser.parse(yaml, file: file, fileNames: testFiles)
    return try #require(documents.first)
  }

  static func resource(_ yaml: String, file: String = "template.yaml") throws -> Resource {
    Resource(
      body: try node(yaml, file: file), service: "checkout", environment: "prod",
      source: testFiles.start(of: file))
  }

  /// The findings for `yaml` against the bundled schemas.
  static func findings(
    _ yaml: String, schema: KubernetesSchema? = nil, file: String = "template.yaml"
  ) throws -> [Diagnostic] {
    let schema = schema ?? bundledSchema
    return schema.validate(try resource(yaml, file: file), renderedPath: renderedPath)
  }

  /// Findings as `line:column: message`, the shape most expectations compare.
  static func summary(_ findings: [Diagnostic]) -> [String] {
    findings.map { "\($0.location.line):\($0.location.column): \($0.message)" }
  }
}
