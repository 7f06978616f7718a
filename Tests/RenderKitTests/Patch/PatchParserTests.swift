import TestSupport
import Testing

@testable import RenderKit

/// A `patches:` list with mistakes: the findings as `line:column: message`.
struct ParserErrorCase: Sendable, CustomTestStringConvertible {
  var name: String
  var patches: String
  var messages: [String]
  /// How many patches are still valid and kept.
  var kept: Int = 0

  var testDescription: String { name }
}

extension PatchTests {
  @Suite struct PatchParserTests {
    let file = "environments/prod/environment.yaml"

    func parse(_ text: String) throws -> ([Patch], [Diagnostic]) {
      let node = try PatchTestSupport.yaml(text, file: file)
      let result = PatchParser.parse(node, subject: file)
      return (result.patches, result.diagnostics)
    }

    @Test func readsTheSpecExample() throws {
      let (patches, diagnostics) = try parse(
        """
        - target: {kind: Deployment, name: "check*", service: checkout}   # every field optional
          merge: {spec: {template: {spec: {nodeSelector: {pool: general}}}}}
        - target: {kind: Deployment}
          json: [{op: add, path: /spec/template/spec/priorityClassName, value: high}]
        - merge: {metadata: {annotations: {a: b}}}
        """)
      #expect(diagnostics.isEmpty)
      #expect(patches.count == 3)
      #expect(
        patches[0].target.description == "{kind: Deployment, name: check*, service: checkout}")
      #expect(patches[0].location == testFiles.location(file, line: 1, column: 3))
      #expect(patches[0].target.location == testFiles.location(file, line: 1, column: 11))
      guard case .merge(let merge) = patches[0].operation else {
        Issue.record("expected a merge patch")
        return
      }
      #expect(merge.flowText() == "{spec: {template: {spec: {nodeSelector: {pool: general}}}}}")
      guard case .json(let operations) = patches[1].operation else {
        Issue.record("expected a json patch")
        return
      }
      #expect(operations.count == 1)
      #expect(operations[0].op == .add)
      #expect(operations[0].path.value.tokens == ["spec", "template", "spec", "priorityClassName"])
      #expect(operations[0].value?.string == "high")
      #expect(operations[0].location == testFiles.location(file, line: 4, column: 10))
      // No target: every resource in scope.
      #expect(patches[2].target.description == "{}")
    }

    @Test func emptyOrNullListsHaveNoPatches() throws {
      #expect(try parse("[]").0.isEmpty)
      #expect(try parse("~").0.isEmpty)
      #expect(try parse("~").1.isEmpty)
    }

    @Test func pointersUnescape() throws {
      #expect(try JSONPointer(parsing: "/a~1b/c~0d/~01").tokens == ["a/b", "c~d", "~1"])
      #expect(try JSONPointer(parsing: "").tokens == [])
      #expect(try JSONPointer(parsing: "/").tokens == [""])
      #expect(JSONPointer(tokens: ["a/b", "c~d"]).description == "/a~1b/c~0d")
    }

    static let errors: [ParserErrorCase] = [
      ParserErrorCase(
        name: "patches must be a list",
        patches: "{merge: {}}",
        messages: [
          "1:1: 'patches' in environments/prod/environment.yaml must be a list, not a mapping"
        ]),
      ParserErrorCase(
        name: "both merge and json",
        patches: "- merge: {a: 1}\n  json: []\n",
        messages: [
          "2:3: a patch in environments/prod/environment.yaml has both 'merge' and 'json'"
        ]),
      ParserErrorCase(
        name: "neither merge nor json",
        patches: "- target: {kind: Deployment}\n",
        messages: [
          "1:3: a patch in environments/prod/environment.yaml needs 'merge' (a strategic merge patch) or 'json' (a JSON patch)"
        ]),
      ParserErrorCase(
        name: "unknown key in a patch, with did-you-mean",
        patches: "- targt: {kind: Deployment}\n  merge: {a: 1}\n",
        messages: [
          "1:3: unknown key 'targt' in a patch in environments/prod/environment.yaml; did you mean 'target'?"
        ], kept: 1),
      ParserErrorCase(
        name: "unknown key in a target, with did-you-mean",
        patches: "- target: {kind: Deployment, nme: web}\n  merge: {a: 1}\n",
        messages: [
          "1:30: unknown key 'nme' in a patch target in environments/prod/environment.yaml; did you mean 'name'?"
        ], kept: 1),
      ParserErrorCase(
        name: "target field of the wrong type",
        patches: "- target: {kind: [Deployment]}\n  merge: {a: 1}\n",
        messages: [
          "1:18: 'kind' in a patch target in environments/prod/environment.yaml must be a string, not a list"
        ], kept: 1),
      ParserErrorCase(
        name: "bad label selector",
        patches: "- target: {labelSelector: \"app in web\"}\n  merge: {a: 1}\n",
        messages: ["1:27: invalid labelSelector 'app in web': expected '(' at character 8"]),
      ParserErrorCase(
        name: "group and apiVersion disagree",
        patches: "- target: {apiVersion: apps/v1, group: batch}\n  merge: {a: 1}\n",
        messages: [
          "1:40: the target's group 'batch' disagrees with its apiVersion 'apps/v1', so it can match nothing"
        ]),
      ParserErrorCase(
        name: "merge must be a mapping",
        patches: "- merge: [a]\n",
        messages: [
          "1:10: 'merge' in a patch in environments/prod/environment.yaml must be a mapping (a strategic merge patch), not a list"
        ]),
      ParserErrorCase(
        name: "json must be a list",
        patches: "- json: {op: add}\n",
        messages: [
          "1:9: 'json' in a patch in environments/prod/environment.yaml must be a list of JSON patch operations, not a mapping"
        ]),
      ParserErrorCase(
        name: "unknown op, with did-you-mean",
        patches: "- json: [{op: replce, path: /a, value: 1}]\n",
        messages: ["1:15: unknown json patch op 'replce'; did you mean 'replace'?"]),
      ParserErrorCase(
        name: "op of the wrong type is reported once",
        patches: "- json: [{op: 1, path: /a}]\n",
        messages: [
          "1:15: 'op' in a json patch operation in environments/prod/environment.yaml must be a string, not an integer (1)"
        ]),
      ParserErrorCase(
        name: "missing op",
        patches: "- json: [{path: /a}]\n",
        messages: [
          "1:10: a json patch operation in environments/prod/environment.yaml is missing 'op'"
        ]),
      ParserErrorCase(
        name: "missing path",
        patches: "- json: [{op: remove}]\n",
        messages: [
          "1:10: a json patch operation in environments/prod/environment.yaml is missing 'path'"
        ]),
      ParserErrorCase(
        name: "missing value",
        patches: "- json: [{op: add, path: /a}]\n",
        messages: [
          "1:10: a json patch operation in environments/prod/environment.yaml is missing 'value'"
        ]),
      ParserErrorCase(
        name: "missing from",
        patches: "- json: [{op: copy, path: /a}]\n",
        messages: [
          "1:10: a json patch operation in environments/prod/environment.yaml is missing 'from'"
        ]),
      ParserErrorCase(
        name: "a value where the op takes none",
        patches: "- json: [{op: remove, path: /a, value: 1}]\n",
        messages: ["1:33: 'remove' takes no 'value'"], kept: 1),
      ParserErrorCase(
        name: "pointer without a leading slash",
        patches: "- json: [{op: remove, path: spec/replicas}]\n",
        messages: [
          "1:29: invalid 'path': a JSON pointer starts with '/' (or is empty for the whole resource), not 'spec/replicas'"
        ]),
      ParserErrorCase(
        name: "pointer with a bad escape",
        patches: "- json: [{op: move, from: /a~2b, path: /c}]\n",
        messages: [
          "1:27: invalid 'from': '~' in a JSON pointer must be followed by 0 (for '~') or 1 (for '/'): '/a~2b'"
        ]),
      ParserErrorCase(
        name: "remove of the whole resource",
        patches: "- json: [{op: remove, path: ''}]\n",
        messages: ["1:29: 'remove' cannot remove the whole resource (path '')"]),
      ParserErrorCase(
        name: "every bad patch is reported, the good ones kept",
        patches: """
          - merge: {a: 1}
          - json: [{op: nope, path: /a}]
          - merge: {b: 2}
            target: {kind: Service}
          - merge: 3
          """,
        messages: [
          "2:15: unknown json patch op 'nope'",
          "5:10: 'merge' in a patch in environments/prod/environment.yaml must be a mapping (a strategic merge patch), not an integer (3)",
        ], kept: 2),
    ]

    @Test(arguments: errors)
    func reportsMistakesWithLineAndColumn(_ test: ParserErrorCase) throws {
      let (patches, diagnostics) = try parse(test.patches)
      #expect(PatchTestSupport.lines(diagnostics) == test.messages)
      #expect(diagnostics.allSatisfy { $0.location.testPath == file && $0.rule == "input" })
      #expect(patches.count == test.kept)
    }

    @Test func unknownOpsListTheValidOnes() throws {
      let (_, diagnostics) = try parse("- json: [{op: delete, path: /a}]\n")
      #expect(diagnostics.first?.help == "operations are add, remove, replace, move, copy, test")
    }
  }
}
