import TestSupport
import Testing

@testable import RenderKit

/// In-memory repositories for the Parse, Resolve and Pipeline tests: inline YAML files by
/// path, no disk. Every folder above a file is a directory of the repository, as the
/// loader would have seen it.
enum RepositoryFixture {
  /// A template `web` with a few parameters, a service `checkout` using it, and an
  /// environment `prod`: the smallest platform that parses without findings. Tests
  /// replace or add files.
  static let minimal: [String: String] = [
    "templates/web/template.yaml": """
    parameters:
      replicas: {type: integer, default: 1, minimum: 0}
      port: {type: integer, default: 8080, minimum: 1, maximum: 65535}
    """,
    "templates/web/configmap.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ${ service.name }
    data:
      port: "${ values.port }"
    """,
    "services/checkout/service.yaml": """
    template: web
    image: ghcr.io/acme/checkout
    version: 1.4.2
    """,
    "environments/prod/environment.yaml": """
    namespace: shop-prod
    """,
  ]

  /// `files` on top of `base`; a `nil` value removes the file from `base`.
  static func repository(
    _ files: [String: String?], base: [String: String] = minimal, directories: Set<String> = []
  ) -> Repository {
    var texts = base
    for (path, text) in files {
      texts[path] = text
    }
    var sources: [String: SourceFile] = [:]
    var folders = directories
    for (path, text) in texts {
      sources[path] = SourceFile(path: path, text: text)
      var components = path.split(separator: "/").dropLast()
      while !components.isEmpty {
        folders.insert(components.joined(separator: "/"))
        components = components.dropLast()
      }
    }
    return Repository(root: "/repo", files: sources, directories: folders, fileNames: testFiles)
  }

  static func parse(
    _ files: [String: String?], base: [String: String] = minimal, directories: Set<String> = []
  ) -> (platform: Platform, diagnostics: [Diagnostic]) {
    let (platform, diagnostics) = PlatformParser.parse(
      repository(files, base: base, directories: directories))
    return (platform, diagnostics.sortedForOutput(in: testFiles))
  }

  /// The findings of parsing, as `file:line:column: message`.
  static func findings(
    _ files: [String: String?], base: [String: String] = minimal, directories: Set<String> = []
  ) -> [String] {
    lines(parse(files, base: base, directories: directories).diagnostics, in: testFiles)
  }

  /// Findings as `file:line:column: message`: what a user reads; their paths are in
  /// `fileNames` (the fixture repositories' are in `testFiles`).
  static func lines(
    _ diagnostics: [Diagnostic], in fileNames: SourceFileNames
  ) -> [String] {
    diagnostics.map { "\(fileNames.describe($0.location)): \($0.message)" }
  }

  /// Parses `files` and fails the calling test on any finding.
  static func platform(
    _ files: [String: String?], base: [String: String] = minimal,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) -> Platform {
    let (platform, diagnostics) = parse(files, base: base)
    #expect(
      diagnostics.isEmpty, "\(lines(diagnostics, in: testFiles))", sourceLocation: sourceLocation)
    return platform
  }

  /// One YAML document, parsed as the file it stands for.
  static func node(
    _ text: String, file: String = "test.yaml",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> Node {
    let documents = try YAMLParser.parse(text, file: file, fileNames: testFiles)
    return try #require(documents.first, sourceLocation: sourceLocation)
  }
}
