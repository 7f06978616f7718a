import TestSupport
import Testing

@testable import RenderKit

/// CRD patterns: matched as the API server matches them (RE2, linear time), and
/// rejected in the CRD file where RE2 would reject them.
@Suite struct CustomResourcePatternTests {
  typealias Support = SchemaTestSupport

  @Test func catastrophicPatternFinishesWithAFinding() throws {
    let crd = try Support.node(
      SampleCRD.gadgets("              code: {type: string, pattern: '^(a+)+$'}"),
      file: "crds/gadget.yaml")
    let (schema, diagnostics) = bundledSchema.adding(crds: [crd])
    #expect(diagnostics.isEmpty)
    let value = String(repeating: "a", count: 30) + "!"
    let findings = try Support.findings(
      "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n  code: \(value)\n",
      schema: schema)
    #expect(
      Support.summary(findings) == [
        "5:9: 'code' (\"\(value)\") does not match the pattern ^(a+)+$"
      ])
  }

  @Test func patternsRE2RejectsAreErrorsInTheCRD() throws {
    let crd = try Support.node(
      SampleCRD.gadgets(
        """
                      a: {type: string, pattern: "^x(?<=x)$"}
                      b: {type: string, pattern: "^\\\\d(?=x)"}
                      c: {type: string, pattern: ^(a)\\1$}
        """), file: "crds/gadget.yaml")
    let (schema, diagnostics) = bundledSchema.adding(crds: [crd])
    #expect(
      diagnostics.map { "\(testFiles.describe($0.location)): \($0.message)" } == [
        "crds/gadget.yaml:17:45: pattern \"^x(?<=x)$\" is not valid RE2 syntax, which the API "
          + "server uses: lookbehind `(?<=` is not supported by RE2",
        // Escapes in a double-quoted scalar: the finding points at the scalar.
        "crds/gadget.yaml:18:42: pattern \"^\\\\d(?=x)\" is not valid RE2 syntax, which the API "
          + "server uses: lookahead `(?=` is not supported by RE2",
        "crds/gadget.yaml:19:46: pattern \"^(a)\\\\1$\" is not valid RE2 syntax, which the API "
          + "server uses: backreference `\\1` is not supported by RE2",
      ])
    // The CRD's other constraints still apply; the bad patterns are left out.
    #expect(schema.hasSchema(apiVersion: "example.com/v1", kind: "Gadget"))
  }
}
