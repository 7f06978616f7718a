import TestSupport
import Testing

@testable import RenderKit

/// A JSON patch on a document: the operations and the expected document, inline YAML.
struct JSONPatchCase: Sendable, CustomTestStringConvertible {
  var name: String
  var document: String
  var operations: String
  var expected: String

  var testDescription: String { name }
}

/// A JSON patch that fails: the one finding, as `line:column: message`.
struct JSONPatchFailureCase: Sendable, CustomTestStringConvertible {
  var name: String
  var document: String
  var operations: String
  var message: String

  var testDescription: String { name }
}

private let document = """
  kind: Deployment
  metadata:
    name: checkout
    labels: {app.kubernetes.io/name: checkout, a~b: x}
  spec:
    replicas: 2
    containers: [{name: app, args: [a, b]}]
  """

extension PatchTests {
  @Suite struct JSONPatchTests {
    /// Operations written as the `json:` list of a patch, read by `PatchParser`.
    func operations(_ text: String) throws -> [JSONPatchOperation] {
      let patches = try PatchTestSupport.patches("- json: \(text)\n", file: "env.yaml")
      guard case .json(let operations) = try #require(patches.first).operation else {
        Issue.record("not a json patch")
        return []
      }
      return operations
    }

    static let cases: [JSONPatchCase] = [
      JSONPatchCase(
        name: "add a new key",
        document: "a: 1", operations: "[{op: add, path: /b, value: {c: 2}}]",
        expected: "{a: 1, b: {c: 2}}"),
      JSONPatchCase(
        name: "add replaces an existing key in place",
        document: "a: 1\nb: 2", operations: "[{op: add, path: /a, value: 10}]",
        expected: "{a: 10, b: 2}"),
      JSONPatchCase(
        name: "add inserts into a list at an index",
        document: "l: [a, b]",
        operations: "[{op: add, path: /l/1, value: x}, {op: add, path: /l/3, value: y}]",
        expected: "l: [a, x, b, y]"),
      JSONPatchCase(
        name: "add with - appends",
        document: document,
        operations: "[{op: add, path: /spec/containers/0/args/-, value: --debug}]",
        expected: """
          kind: Deployment
          metadata: {name: checkout, labels: {app.kubernetes.io/name: checkout, a~b: x}}
          spec: {replicas: 2, containers: [{name: app, args: [a, b, --debug]}]}
          """),
      JSONPatchCase(
        name: "add at the root replaces the document",
        document: "a: 1", operations: "[{op: add, path: '', value: {b: 2}}]",
        expected: "b: 2"),
      JSONPatchCase(
        name: "remove a key, with ~1 and ~0 escapes",
        document: document,
        operations:
          "[{op: remove, path: /metadata/labels/app.kubernetes.io~1name}, {op: remove, path: /metadata/labels/a~0b}]",
        expected: """
          kind: Deployment
          metadata: {name: checkout, labels: {}}
          spec: {replicas: 2, containers: [{name: app, args: [a, b]}]}
          """),
      JSONPatchCase(
        name: "remove a list item",
        document: "l: [a, b, c]", operations: "[{op: remove, path: /l/1}]",
        expected: "l: [a, c]"),
      JSONPatchCase(
        name: "replace a value",
        document: document, operations: "[{op: replace, path: /spec/replicas, value: 5}]",
        expected: """
          kind: Deployment
          metadata: {name: checkout, labels: {app.kubernetes.io/name: checkout, a~b: x}}
          spec: {replicas: 5, containers: [{name: app, args: [a, b]}]}
          """),
      JSONPatchCase(
        name: "move a value",
        document: "a: {x: 1}\nb: {}", operations: "[{op: move, from: /a/x, path: /b/y}]",
        expected: "{a: {}, b: {y: 1}}"),
      JSONPatchCase(
        name: "move within a list",
        document: "l: [a, b, c]", operations: "[{op: move, from: /l/0, path: /l/-}]",
        expected: "l: [b, c, a]"),
      JSONPatchCase(
        name: "copy a value",
        document: "a: {x: [1, 2]}", operations: "[{op: copy, from: /a/x, path: /b}]",
        expected: "{a: {x: [1, 2]}, b: [1, 2]}"),
      JSONPatchCase(
        name: "test that passes lets the next operations run",
        document: "a: {x: [1, 2]}\nn: 3",
        operations:
          "[{op: test, path: /a, value: {x: [1, 2.0]}}, {op: test, path: /n, value: 3}, {op: remove, path: /n}]",
        expected: "a: {x: [1, 2]}"),
    ]

    @Test(arguments: cases)
    func applies(_ test: JSONPatchCase) throws {
      var body = try PatchTestSupport.yaml(test.document, file: "templates/web/deployment.yaml")
      let diagnostics = JSONPatch.apply(
        try operations(test.operations), to: &body, resource: "Deployment/checkout")
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      #expect(YAMLEmitter.emit(body) == (try PatchTestSupport.canonical(test.expected)))
    }

    static let failures: [JSONPatchFailureCase] = [
      JSONPatchFailureCase(
        name: "path not found, with did-you-mean",
        document: document, operations: "[{op: replace, path: /spec/replica, value: 3}]",
        message:
          "1:30: json patch 'replace' failed on Deployment/checkout: '/spec/replica' not found: '/spec' has no key 'replica'; did you mean 'replicas'?"
      ),
      JSONPatchFailureCase(
        name: "parent not found for add",
        document: "kind: Pod", operations: "[{op: add, path: /spec/c, value: 1}]",
        message:
          "1:26: json patch 'add' failed on Deployment/checkout: '/spec/c' not found: the resource has no key 'spec'"
      ),
      JSONPatchFailureCase(
        name: "remove of a missing key",
        document: "kind: Pod\nspec: {}", operations: "[{op: remove, path: /spec/nodeName}]",
        message:
          "1:29: json patch 'remove' failed on Deployment/checkout: '/spec/nodeName' not found: '/spec' has no key 'nodeName'"
      ),
      JSONPatchFailureCase(
        name: "index out of range",
        document: "l: [a]", operations: "[{op: remove, path: /l/3}]",
        message:
          "1:29: json patch 'remove' failed on Deployment/checkout: '/l/3' not found: '/l' is a list of 1 item; index 3 is out of range (valid: an index from 0 to 0)"
      ),
      JSONPatchFailureCase(
        name: "add past the end",
        document: "l: [a]", operations: "[{op: add, path: /l/2, value: x}]",
        message:
          "1:26: json patch 'add' failed on Deployment/checkout: cannot add at '/l/2': '/l' is a list of 1 item; index 2 is out of range (valid: an index from 0 to 1 or '-' to append)"
      ),
      JSONPatchFailureCase(
        name: "- outside add",
        document: "l: [a]", operations: "[{op: replace, path: /l/-, value: x}]",
        message:
          "1:30: json patch 'replace' failed on Deployment/checkout: '/l/-' not found: '/l' is a list of 1 item; '-' (after the last item) only works with 'add' (valid: an index from 0 to 0)"
      ),
      JSONPatchFailureCase(
        name: "a token that is not an index",
        document: "l: [a]", operations: "[{op: test, path: /l/x, value: a}]",
        message:
          "1:27: json patch 'test' failed on Deployment/checkout: '/l/x' not found: '/l' is a list of 1 item; 'x' is not a list index (valid: an index from 0 to 0)"
      ),
      JSONPatchFailureCase(
        name: "a scalar on the way",
        document: "a: 1", operations: "[{op: add, path: /a/b, value: 1}]",
        message:
          "1:26: json patch 'add' failed on Deployment/checkout: '/a' is an integer, not a mapping or list"
      ),
      JSONPatchFailureCase(
        name: "test failed shows expected and actual",
        document: document,
        operations: "[{op: test, path: /spec/containers/0, value: {name: app, args: [a]}}]",
        message:
          "1:54: json patch 'test' failed on Deployment/checkout: expected '/spec/containers/0' to be {name: app, args: [a]}, found {name: app, args: [a, b]}"
      ),
      JSONPatchFailureCase(
        name: "test of a string against a number",
        document: "port: 8080", operations: "[{op: test, path: /port, value: '8080'}]",
        message:
          "1:41: json patch 'test' failed on Deployment/checkout: expected '/port' to be \"8080\", found 8080"
      ),
      JSONPatchFailureCase(
        name: "move into itself",
        document: "a: {b: 1}", operations: "[{op: move, from: /a, path: /a/b/c}]",
        message:
          "1:37: json patch 'move' failed on Deployment/checkout: cannot move '/a' into itself ('/a/b/c')"
      ),
      JSONPatchFailureCase(
        name: "copy from a missing path",
        document: "kind: Pod", operations: "[{op: copy, from: /metadata/name, path: /b}]",
        message:
          "1:27: json patch 'copy' failed on Deployment/checkout: '/metadata/name' not found: the resource has no key 'metadata'"
      ),
    ]

    @Test(arguments: failures)
    func reportsFailures(_ test: JSONPatchFailureCase) throws {
      let original = try PatchTestSupport.yaml(test.document, file: "templates/web/deployment.yaml")
      var body = original
      let diagnostics = JSONPatch.apply(
        try operations(test.operations), to: &body, resource: "Deployment/checkout")
      #expect(PatchTestSupport.lines(diagnostics) == [test.message])
      #expect(diagnostics.first?.location.testPath == "env.yaml")
      #expect(body == original)
    }

    @Test func aFailedPatchLeavesTheResourceUnchanged() throws {
      let original = try PatchTestSupport.yaml("a: 1\nl: [x]\n")
      var body = original
      let diagnostics = JSONPatch.apply(
        try operations(
          "[{op: add, path: /b, value: 2}, {op: remove, path: /l/0}, {op: test, path: /a, value: 2}]"
        ),
        to: &body, resource: "ConfigMap/c")
      #expect(diagnostics.count == 1)
      #expect(YAMLEmitter.emit(body) == "a: 1\nl:\n- x\n")
    }

    @Test func addedValuesKeepThePatchLocations() throws {
      var body = try PatchTestSupport.yaml("a: {x: 1}\n", file: "templates/t.yaml")
      let ops = try operations(
        "\n  - {op: add, path: /b, value: {c: 2}}\n  - {op: copy, from: /a/x, path: /d}\n")
      #expect(JSONPatch.apply(ops, to: &body, resource: "ConfigMap/c").isEmpty)
      #expect(
        body["b"]?["c"]?.location == testFiles.location("env.yaml", line: 2, column: 36))
      #expect(
        body.entry("b")?.keyLocation == testFiles.location("env.yaml", line: 2, column: 21))
      // A copy keeps the location of what it copied.
      #expect(
        body["d"]?.location == testFiles.location("templates/t.yaml", line: 1, column: 8))
    }
  }
}
