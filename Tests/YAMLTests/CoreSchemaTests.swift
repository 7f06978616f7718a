import Testing

@testable import YAML

/// The YAML 1.2 core schema's float pattern, `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
/// at each of its optional parts.
@Suite struct CoreSchemaTests {
  @Test(arguments: [
    "0", "1.", ".5", "-.5", "+1.5", "1e3", "1E+3", "-1.5e-10", "007.70", ".5e1", "10.e2",
  ])
  func matchesTheCoreFloatPattern(_ text: String) {
    #expect(CoreSchema.isCoreFloat(Array(text.utf8)))
  }

  @Test(arguments: [
    "", "+", "-", ".", "-.", "e3", ".e3", "1e", "1e+", "1.2.3", "1e3.5", "1 ", "--1",
  ])
  func rejectsWhatThePatternDoesNot(_ text: String) {
    #expect(!CoreSchema.isCoreFloat(Array(text.utf8)))
  }
}
