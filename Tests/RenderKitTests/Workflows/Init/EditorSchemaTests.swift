import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The JSON Schemas for editors in `editor-schemas/` list exactly the keys the parsers
/// read: each parser's `FieldReader`s are logged while the example platform (and a
/// render.yaml using every reconciler setting) is parsed, and every logged mapping must
/// match the schema's properties at the same place, both ways. A key added to a parser
/// and not to its schema fails here, and so does a schema key no parser reads.
@Suite struct EditorSchemaTests {
  static let folder = PackageRoot.path + "/editor-schemas/"

  /// Where a `FieldReader` subject lives: a schema file and the path inside it (`*`: any
  /// key of a mapping, `[]`: any item of a list). `nil` for subjects with no place.
  static func place(of subject: String) -> (file: String, path: [String])? {
    func matches(_ pattern: String) -> Bool {
      (try? Regex(pattern).wholeMatch(in: subject)) != nil
    }
    let rules: [(String, String, [String])] = [
      (#"render\.yaml"#, "render", []),
      (#"'argocd' in render\.yaml"#, "render", ["argocd"]),
      (#"'argocd\.syncPolicy' in render\.yaml"#, "render", ["argocd", "syncPolicy"]),
      (
        #"'argocd\.environments\.[^.']+' in render\.yaml"#, "render",
        ["argocd", "environments", "*"]
      ),
      (
        #"'argocd\.environments\.[^.']+\.syncPolicy' in render\.yaml"#, "render",
        ["argocd", "environments", "*", "syncPolicy"]
      ),
      (
        #"'automated' of 'argocd\.syncPolicy' in render\.yaml"#, "render",
        ["argocd", "syncPolicy", "automated", "oneOf1"]
      ),
      (
        #"'retry' of 'argocd\.syncPolicy' in render\.yaml"#, "render",
        ["argocd", "syncPolicy", "retry"]
      ),
      (
        #"'retry\.backoff' of 'argocd\.syncPolicy' in render\.yaml"#, "render",
        ["argocd", "syncPolicy", "retry", "backoff"]
      ),
      (#"'flux' in render\.yaml"#, "render", ["flux"]),
      (#"'flux\.sourceRef' in render\.yaml"#, "render", ["flux", "sourceRef"]),
      (
        #"'flux\.environments\.[^.']+' in render\.yaml"#, "render",
        ["flux", "environments", "*"]
      ),
      (#"services/[^/]+/service\.yaml"#, "service", []),
      (#"templates/[^/]+/template\.yaml"#, "template", []),
      (#"'files\.[^']+' in templates/[^/]+/template\.yaml"#, "template", ["files", "*"]),
      (#"the schema of parameter '.*'"#, "template", ["parameters", "*"]),
      (#"environments/[^/]+/[^/]+\.yaml"#, "override", []),
      (#"environments/[^/]+/environment\.yaml"#, "environment", []),
      (#"'defaults' in environments/.*"#, "environment", ["defaults"]),
      (#"an 'external' entry in environments/.*"#, "environment", ["external", "[]"]),
      (#"'services\.[^']+' in environments/.*"#, "environment", ["services", "*"]),
      (#"'policy' in environments/.*"#, "environment", ["policy"]),
      (#"a 'policy\.ignore' entry in environments/.*"#, "environment", ["policy", "ignore", "[]"]),
      (#"a patch in .*"#, "service", ["patches", "[]"]),
      (#"a 'configMapGenerator' entry in services/.*"#, "service", ["configMapGenerator", "[]"]),
      (#"a 'secretGenerator' entry in services/.*"#, "service", ["secretGenerator", "[]"]),
      (
        #"a 'configMapGenerator' entry in environments/[^/]+/[^/]+\.yaml"#, "override",
        ["configMapGenerator", "[]"]
      ),
      (
        #"a 'secretGenerator' entry in environments/[^/]+/[^/]+\.yaml"#, "override",
        ["secretGenerator", "[]"]
      ),
      (
        #"a 'configMapGenerator' entry in 'services\.[^']+' in environments/.*"#, "environment",
        ["services", "*", "configMapGenerator", "[]"]
      ),
      (
        #"a 'secretGenerator' entry in 'services\.[^']+' in environments/.*"#, "environment",
        ["services", "*", "secretGenerator", "[]"]
      ),
      (#"a patch target in .*"#, "service", ["patches", "[]", "target"]),
      (#"a json patch operation in .*"#, "service", ["patches", "[]", "json", "[]"]),
    ]
    // The most specific (last) matching rule wins.
    return rules.last { matches($0.0) }.map { ($0.1, $0.2) }
  }

  /// The property names of the schema at `path`.
  static func properties(file: String, path: [String]) throws -> Set<String>? {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + file + ".schema.json"))
    var node = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    for step in path {
      switch step {
      case "*": node = node?["additionalProperties"] as? [String: Any]
      case "[]": node = node?["items"] as? [String: Any]
      case "oneOf1": node = (node?["oneOf"] as? [[String: Any]])?.last
      default: node = (node?["properties"] as? [String: Any])?[step] as? [String: Any]
      }
    }
    return (node?["properties"] as? [String: Any]).map { Set($0.keys) }
  }

  /// Parses the example platform, each of its services (in this task, so the log sees
  /// them; policies are parsed with their environments) and a render.yaml with every
  /// reconciler setting.
  static func loggedKeys() -> [String: Set<String>] {
    let log = FieldKeyLog()
    var repository = RepositoryLoader(root: PackageRoot.path).load().repository
    FieldReader.$keyLog.withValue(log) {
      _ = PlatformParser.parse(repository)
      for name in repository.subdirectories(of: "services") {
        _ = ServiceParser.parse(name: name, repository: repository)
      }
      repository.files["render.yaml"] = SourceFile(
        path: "render.yaml",
        text: """
          argocd:
            repoURL: https://git.example.com/platform.git
            syncPolicy:
              automated: {prune: true}
              retry: {limit: 1, backoff: {duration: 5s}}
            environments:
              prod: {syncPolicy: {automated: false}}
          flux:
            sourceRef: {name: platform}
            environments:
              prod: {wait: true}

          """)
      _ = SettingsParser.parse(repository)
    }
    return log.recorded
  }

  @Test func schemasListExactlyTheKeysTheParsersRead() throws {
    let logged = Self.loggedKeys()
    #expect(logged.count > 20, "the example platform should exercise most parsers")
    var checked: Set<String> = []
    for (subject, keys) in logged.sorted(by: { $0.key < $1.key }) {
      guard let place = Self.place(of: subject) else {
        Issue.record("no place in editor-schemas/ for \(subject): add it to the schema and here")
        continue
      }
      let schemaKeys = try Self.properties(file: place.file, path: place.path)
      #expect(
        schemaKeys == keys,
        "\(place.file).schema.json at \(place.path) for \(subject): missing \(keys.subtracting(schemaKeys ?? []).sorted()), extra \((schemaKeys ?? []).subtracting(keys).sorted())"
      )
      checked.insert("\(place.file) \(place.path)")
    }
    // Every schema file and the main nested mappings were reached.
    for expected in [
      "render []", "render [\"argocd\"]", "render [\"flux\"]", "service []", "template []",
      "environment []", "override []", "environment [\"policy\"]",
      "service [\"patches\", \"[]\", \"target\"]",
    ] {
      #expect(checked.contains(expected), "\(expected) was not checked")
    }
  }

  @Test func schemasAreValidJSON() throws {
    for name in ["render", "service", "template", "environment", "override"] {
      let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + name + ".schema.json"))
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      #expect(object?["$schema"] as? String == "https://json-schema.org/draft-07/schema#")
      #expect(object?["additionalProperties"] as? Bool == false, "\(name): unknown keys are errors")
    }
  }
}

/// `render init` writes the editor schemas and points its YAML files at them.
@Suite struct SkeletonEditorSchemaTests {
  @Test func embeddedSchemasEqualTheRepositoryFiles() throws {
    for (name, contents) in ProjectSkeleton.editorSchemas {
      let file = try String(contentsOfFile: EditorSchemaTests.folder + name, encoding: .utf8)
      #expect(file == contents, "\(name) differs from editor-schemas/\(name)")
      #expect(ProjectSkeleton.files.contains { $0.path == "editor-schemas/" + name })
    }
  }

  @Test func inputFilesNameTheirSchema() {
    let expected = [
      "render.yaml": "editor-schemas/render.schema.json",
      "services/hello/service.yaml": "../../editor-schemas/service.schema.json",
      "templates/web/template.yaml": "../../editor-schemas/template.schema.json",
      "environments/base/environment.yaml": "../../editor-schemas/environment.schema.json",
      "environments/dev/environment.yaml": "../../editor-schemas/environment.schema.json",
      "environments/prod/environment.yaml": "../../editor-schemas/environment.schema.json",
    ]
    for (path, schema) in expected {
      let file = ProjectSkeleton.files.first { $0.path == path }
      #expect(
        file?.contents.hasPrefix("# yaml-language-server: $schema=\(schema)\n") == true,
        "\(path) does not start with its schema line")
    }
  }
}
