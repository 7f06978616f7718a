import TestSupport
import Testing

@testable import RenderKit

/// Bounded random-input tests of the YAML reader, the expression parser and the patch
/// engine: no crash, no hang, and a few properties that must hold for every input.
/// A crash here is a crash of the test process, which fails the run.
@Suite struct FuzzTests {
  static let seedCorpus = [
    "a: 1\nb: [x, y]\n", "- {a: b}\n- &x [1, 2]\n- *x\n", "k: |\n  line\n  two\n",
    "\u{FEFF}name: web\nmode: 0644\n", "\"caf\u{E9}\": 1\n\"cafe\u{301}\": 2\n",
    "a: &a [x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "? complex\n: value\n", "s: 'it''s'\n",
  ]

  /// Parsing any text either fails with located errors or gives nodes whose emitted YAML
  /// is a fixed point: emitting what it parses back to gives the same bytes.
  @Test func yamlReaderAndEmitter() {
    var random = FuzzInput(seed: FuzzInput.seed(1))
    var parsed = 0
    let iterations = FuzzInput.iterations(10_000)
    for iteration in 0..<iterations {
      let text =
        iteration % 2 == 0
        ? random.yamlText() : random.mutate(random.pick(Self.seedCorpus))
      let documents: [Node]
      do {
        documents = try YAMLParser.parse(text, file: "fuzz.yaml", fileNames: testFiles)
      } catch {
        for problem in error.errors {
          #expect(
            problem.location.line >= 1 && problem.location.column >= 1, "\(text.debugDescription)")
        }
        continue
      }
      parsed += 1
      for document in documents {
        let emitted = YAMLEmitter.emitUTF8(document)
        let text = String(decoding: emitted, as: UTF8.self)
        do {
          let again = try YAMLParser.parse(text, file: "emitted.yaml", fileNames: testFiles)
          #expect(again.count == 1, "\(text.debugDescription)")
          if let first = again.first {
            #expect(YAMLEmitter.emitUTF8(first) == emitted, "\(text.debugDescription)")
          }
        } catch {
          Issue.record("emitted YAML does not parse: \(text.debugDescription): \(error)")
        }
      }
    }
    #expect(parsed > iterations / 100, "the generator should make some valid YAML")
  }

  /// Every expression parses or fails with a message; every parsed one evaluates or
  /// fails with a message, and so does rendering it in a template.
  @Test func expressionParserAndEvaluator() throws {
    var random = FuzzInput(seed: FuzzInput.seed(2))
    let values = try TemplateFixture.parse(
      "values:\n  x: 1\n  name: \"caf\u{E9}\"\n  list: [a, b, 3]\n  map: {a: 1, b: [x]}\n  nothing: null\n",
      file: "fuzz.yaml")
    let scope = TemplateScope(
      [
        "values": values["values"] ?? .null(), "service": .mapping([]), "env": .mapping([]),
      ], fileNames: testFiles)
    var evaluated = 0
    let iterations = FuzzInput.iterations(10_000)
    for _ in 0..<iterations {
      let text = random.expressionText()
      do {
        let expression = try ExpressionParser.parse(Substring(text))
        _ = try ExpressionEvaluator(scope: scope, location: .generated).evaluate(expression)
        evaluated += 1
      } catch {
        #expect(!error.message.isEmpty)
      }
      let document = Node.mapping([Node.Entry("k", .string("${ \(text) }"))])
      _ = TemplateRenderer(scope: scope).render(document)
    }
    #expect(evaluated > iterations / 500, "the generator should make some valid expressions")
  }

  /// JSON patches on random trees: all or nothing (a failed patch leaves the tree as it
  /// was), and merge patches and strategic merges of random trees never crash.
  @Test func patchEngine() {
    var random = FuzzInput(seed: FuzzInput.seed(3))
    let merger = StrategicMerge(strategies: TableMergeStrategies())
    for _ in 0..<FuzzInput.iterations(5_000) {
      var body = random.node()
      if random.chance(50), case .mapping(var entries) = body.content {
        entries.insert(
          Node.Entry("kind", .string(random.pick(["Deployment", "Pod", "Service"]))), at: 0)
        body = .mapping(entries)
      }
      let original = body
      var operations: [JSONPatchOperation] = []
      for _ in 0..<random.int(1..<5) {
        let op = random.pick(JSONPatchOperation.Op.allCases)
        operations.append(
          JSONPatchOperation(
            op: op, path: Located(JSONPointer(tokens: random.pointer(in: body)), at: .generated),
            from: op.needsFrom
              ? Located(JSONPointer(tokens: random.pointer(in: body)), at: .generated) : nil,
            value: op.needsValue ? random.node(depth: 2) : nil, location: .generated))
      }
      let diagnostics = JSONPatch.apply(operations, to: &body, resource: "Fuzz/f")
      if !diagnostics.isEmpty {
        #expect(YAMLEmitter.emitUTF8(body) == YAMLEmitter.emitUTF8(original))
      }
      let patch = random.node()
      _ = MergePatch.apply(patch, to: original)
      _ = merger.apply(patch, to: original)
    }
  }
}
