import TestSupport
import Testing

@testable import RenderKit

/// Helpers shared by the patch tests: inline YAML in, canonical YAML out.
enum PatchTestSupport {
  /// Parses one document; a parse failure fails the calling test.
  static func yaml(
    _ text: String, file: String = "test.yaml",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Node {
    let documents = try YAMLParser.parse(text, file: file, fileNames: testFiles)
    return try #require(documents.first, sourceLocation: sourceLocation)
  }

  /// The canonical text of `text`, so expectations can be written in flow style.
  static func canonical(_ text: String) throws -> String {
    YAMLEmitter.emit(try yaml(text, file: "expected.yaml"))
  }

  static func resource(
    _ text: String, service: String? = "checkout", file: String = "templates/web/deployment.yaml"
  ) throws -> Resource {
    let body = try yaml(text, file: file)
    return Resource(
      body: body, service: service, environment: "prod", source: testFiles.start(of: file))
  }

  /// The patches of a `patches:` list written inline; parse findings fail the test.
  static func patches(
    _ text: String, file: String = "services/checkout/service.yaml",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> [Patch] {
    let (patches, diagnostics) = PatchParser.parse(try yaml(text, file: file), subject: file)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return patches
  }

  /// Findings as `line:column: message`, the part of the output the tests pin down.
  static func lines(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
  }
}
