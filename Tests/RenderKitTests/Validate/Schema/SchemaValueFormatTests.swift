import Testing

@testable import RenderKit

/// The formats the schema validator checks beyond types.
@Suite struct SchemaValueFormatTests {
  @Test(arguments: [
    "1", "0", "500m", "0.5", ".5", "1.", "+1", "-1", "128Mi", "1Gi", "2Ti", "1e3", "1E-3", "100u",
    "3n", "2k", "1M", "1P", "1E",
  ])
  func validQuantities(_ text: String) {
    #expect(ValueFormat.isQuantity(text))
  }

  @Test(arguments: ["", "1GB", "1 Gi", "Gi", "1gi", "1Kb", ".", "1e", "1.2.3", "one", "1mi", "--1"])
  func invalidQuantities(_ text: String) {
    #expect(!ValueFormat.isQuantity(text))
  }

  @Test(arguments: ["", "aGk=", "aGVsbG8=", "aGVsbG8h", "aGVs\nbG8=", "+/+/"])
  func validBase64(_ text: String) {
    #expect(ValueFormat.isBase64(text))
  }

  @Test(arguments: ["aGk", "hunter2!", "aGk=aGk=", "a===", "aGVsbG8-", "aGk= "])
  func invalidBase64(_ text: String) {
    #expect(!ValueFormat.isBase64(text))
  }

  @Test func int32Bounds() {
    #expect(ValueFormat.int32.accepts(.int(2_147_483_647)))
    #expect(ValueFormat.int32.accepts(.int(-2_147_483_648)))
    #expect(!ValueFormat.int32.accepts(.int(2_147_483_648)))
    #expect(ValueFormat.int32.accepts(.string("not an integer: the type check reports it")))
  }

  @Test func typePhrasesLeaveOutNull() {
    #expect(JSONTypes([.string, .null]).phrase == "a string")
    #expect(JSONTypes([.integer, .string]).phrase == "an integer or a string")
    #expect(JSONTypes([.string, .number, .null]).phrase == "a number or a string")
    #expect(JSONTypes([.object, .array, .boolean]).phrase == "a mapping, a list or a boolean")
    #expect(JSONTypes.null.phrase == "null")
  }
}
