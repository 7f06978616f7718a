import TestSupport
import Testing

@testable import RenderKit

/// Inline YAML in, inline YAML out for the transformers.
enum TransformFixture {
  static let templateFile = "templates/web/deployment.yaml"

  static func resource(_ text: String, service: String? = "checkout") throws -> Resource {
    let body = try RepositoryFixture.node(text, file: templateFile)
    return Resource(
      body: body, service: service, environment: "prod", source: testFiles.start(of: templateFile))
  }

  /// `text` in canonical form, so expectations can be written in flow style.
  static func canonical(_ text: String) throws -> String {
    YAMLEmitter.emit(try RepositoryFixture.node(text, file: "expected.yaml"))
  }

  static func namespace(_ value: String) -> Located<String> {
    Located(
      value, at: testFiles.location("environments/prod/environment.yaml", line: 2, column: 12))
  }

  static func labels(_ text: String) throws -> Node {
    try RepositoryFixture.node(text, file: "environments/prod/environment.yaml")
  }
}
