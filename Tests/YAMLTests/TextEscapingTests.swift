import Testing

@testable import YAML

/// The shared escaping loop and escapes, and each escaper built on them, on the
/// characters where they differ.
@Suite struct TextEscapingTests {
  @Test func hexIsZeroPaddedToAtLeastTheDigitsAsked() {
    #expect(TextEscaping.hex(0x1B, digits: 4) == "001B")
    #expect(TextEscaping.hex(0x1B, digits: 4, uppercase: false) == "001b")
    #expect(TextEscaping.hex(0xA, digits: 2) == "0A")
    #expect(TextEscaping.hex(0x1F600, digits: 4) == "1F600")
    #expect(TextEscaping.hex(0, digits: 8) == "00000000")
  }

  @Test func scalarsWithoutAReplacementAreWrittenAsThemselves() {
    let text = "a\"b\\c\nd\te\rf é 😀"
    #expect(
      TextEscaping.escaped(text, quote: "'", TextEscaping.backslashEscape)
        == "'a\\\"b\\\\c\\nd\\te\\rf é 😀'")
    #expect(TextEscaping.escaped(text) { _ in nil } == text)
    #expect(TextEscaping.escaped("") { _ in "x" } == "")
  }

  @Test func jsonEscapesControlsInLowerCaseHexAndHTMLOnlyWhenAsked() {
    #expect(JSONString.quoted("\u{01}\u{08}\u{0C}\u{1F}\"\\") == #""\u0001\b\f\u001f\"\\""#)
    #expect(JSONString.quoted("\u{7F}\u{85}") == "\"\u{7F}\u{85}\"")
    #expect(JSONString.quoted("<\u{2029}", escapingHTML: true) == #""\u003c\u2029""#)
  }

  @Test func yamlEscapesNonPrintablesByWidthInUpperCaseHex() {
    #expect(YAMLEmitter.doubleQuoted("\u{0}\u{1}\u{7F}") == #""\0\x01\x7F""#)
    #expect(YAMLEmitter.doubleQuoted("\u{FEFF}\u{E000}") == "\"\\uFEFF\u{E000}\"")
    #expect(YAMLEmitter.doubleQuoted("\u{FFFE}😀") == "\"\\uFFFE😀\"")
    #expect(YAMLEmitter.doubleQuoted("é\"\t") == #""é\"\t""#)
  }
}
