import Testing

@testable import RenderKit

/// Values are charged at each use: an aliased value that parses within the limits
/// cannot be multiplied past them by a template or a JSON patch.
@Suite struct ExpansionBudgetTests {
  /// `args`: a list of 2^17 strings of 160 bytes (21 MB in 393,215 nodes), made with
  /// aliases. The file as a whole parses within the limits (about 63 MB); three more
  /// copies of `args` do not fit.
  static let amplifiedValues: String = {
    var text = "values:\n  big: &l0 [\(String(repeating: "x", count: 160))]\n"
    var previous = "l0"
    for level in 1...17 {
      text += "  l\(level): &l\(level) [*\(previous), *\(previous)]\n"
      previous = "l\(level)"
    }
    return text + "  args: *\(previous)\n"
  }()

  /// The errors of rendering `template` once (the fixture's double render and YAML
  /// comparison would emit the 21 MB value several times over).
  static func errors(_ template: String) throws -> [String] {
    let scope = try TemplateFixture.scope(values: Self.amplifiedValues)
    let document = try TemplateFixture.parse(template, file: TemplateFixture.templateFile)
    return TemplateRenderer(scope: scope).render(document).diagnostics.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
  }

  @Test func aValueIsChargedAtEachUse() throws {
    #expect(try Self.errors("a: ${ values.args }\n") == [])
    #expect(
      try Self.errors((1...4).map { "k\($0): ${ values.args }\n" }.joined()) == [
        "4:5: the values substituted into this document expand to more than 2000000 nodes or 64 MB; refusing to render it"
      ])
  }

  @Test func toJsonOfAnAmplifiedValueIsChargedByItsText() throws {
    let errors = try Self.errors((1...4).map { "k\($0): \"${ values.args | toJson }\"\n" }.joined())
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("4:") == true, "\(errors)")
  }

  @Test func jsonPatchCopyOntoItselfStopsAtTheBudget() throws {
    var body = try PatchTestSupport.yaml("a: [\(String(repeating: "y", count: 1_000))]\n")
    let copies = (0..<30).map { _ in "{op: copy, from: /a, path: /a/-}" }
    let patches = try PatchTestSupport.patches(
      "- json: [\(copies.joined(separator: ", "))]\n", file: "env.yaml")
    guard case .json(let operations) = try #require(patches.first).operation else {
      Issue.record("not a json patch")
      return
    }
    let original = body
    let diagnostics = JSONPatch.apply(operations, to: &body, resource: "ConfigMap/c")
    // 1,000 bytes doubled 16 times pass 64 MB: the 17th copy is refused.
    let seventeenth = 10 + 16 * "{op: copy, from: /a, path: /a/-}, ".count
    #expect(
      PatchTestSupport.lines(diagnostics) == [
        "1:\(seventeenth): json patch 'copy' on ConfigMap/c makes the resource grow past 2000000 nodes or 64 MB; refusing to apply it"
      ])
    #expect(body == original)
  }
}
