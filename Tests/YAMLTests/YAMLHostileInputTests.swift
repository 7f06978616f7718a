import TestSupport
import Testing

@testable import YAML

/// Inputs that once parsed to the wrong thing, or not at all: byte order marks, numbers
/// YAML 1.1 and 1.2 read differently, overflowing floats, keys that differ only by
/// Unicode normalization, and aliases that expand to too much text.
@Suite struct YAMLHostileInputTests {
  func parse(_ text: String, limits: ParseLimits = .default) throws -> Node {
    let documents = try YAMLParser.parse(
      text, file: "test.yaml", fileNames: testFiles, limits: limits)
    return try #require(documents.first)
  }

  func errors(_ text: String, limits: ParseLimits = .default) -> [String] {
    do {
      _ = try YAMLParser.parse(text, file: "test.yaml", fileNames: testFiles, limits: limits)
      return []
    } catch {
      return error.errors.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
  }

  // MARK: Byte order mark

  @Test func aByteOrderMarkIsSkippedAndLineOneColumnsStartAfterIt() throws {
    let node = try parse("\u{FEFF}name: web\nport: 80\n")
    let name = try #require(node.entry("name"))
    #expect(name.keyLocation == testFiles.location("test.yaml", line: 1, column: 1))
    #expect(name.value.location == testFiles.location("test.yaml", line: 1, column: 7))
    #expect(node["port"]?.int == 80)
  }

  @Test func errorsOnLineOneAfterAByteOrderMarkHaveTheirRealColumn() {
    #expect(
      errors("\u{FEFF}a: 1\na: 2\n") == ["2:1: duplicate key 'a' (first set at line 1, column 1)"])
    #expect(errors("\u{FEFF}a: [1\n").first?.hasPrefix("2:1:") == true)
  }

  // MARK: Numbers YAML 1.1 and 1.2 read differently

  @Test func leadingZeroIntegersAreKeptAsWritten() throws {
    let node = try parse(
      "mode: 0644\nnegative: -0755\nzero: 0\nexplicit: !!int 0644\noctal: 0o644\n")
    #expect(node["mode"]?.string == "0644")
    #expect(node["negative"]?.string == "-0755")
    #expect(node["zero"]?.int == 0)
    #expect(node["explicit"]?.int == 644)
    #expect(node["octal"]?.int == 420)
  }

  @Test(arguments: [
    ("0644", Scalar.int(420), "write 0o644 or 420 for the octal value, or 644 for the decimal one"),
    ("-010", .int(-8), "write -0o10 or -8 for the octal value, or -10 for the decimal one"),
    ("09", .int(9), "write 9"),
    ("yes", .bool(true), "write true for the boolean, or quote 'yes' for the string"),
    ("Off", .bool(false), "write false for the boolean, or quote 'Off' for the string"),
    ("1_000", .int(1000), "write 1000 for the number, or quote '1_000' for the string"),
    ("1:30", .int(90), "write 90 for the number, or quote '1:30' for the string"),
    ("0b101", .int(5), "write 5 for the number, or quote '0b101' for the string"),
    ("1_000.5", .float(1000.5), "write 1000.5 for the number, or quote '1_000.5' for the string"),
  ])
  func yaml11ReadingsThatDifferAreNamed(text: String, value: Scalar, help: String) throws {
    let reading = try #require(YAML11Reading.of(plain: text))
    #expect(reading.value == value)
    #expect(reading.help == help)
  }

  @Test(arguments: [
    "0o644", "0x1F", "644", "0", "1.5", "hello", "true", "1e3", "1.4.2", "12:00:00Z", "y2k", "",
  ])
  func scalarsEveryReaderAgreesOnHaveNoYAML11Reading(text: String) {
    #expect(YAML11Reading.of(plain: text) == nil)
  }

  @Test func theOctalMessageGivesBothReadings() throws {
    let reading = try #require(YAML11Reading.of(plain: "0644"))
    #expect(
      reading.message
        == "'0644' is octal 420 to YAML 1.1 readers such as kubectl, but 644 to YAML 1.2")
  }

  @Test func aFloatThatOverflowsIsAnError() throws {
    #expect(
      errors("a: 1e400\n") == [
        "1:4: number '1e400' is too large for a 64-bit float; quote it if it is a string"
      ])
    #expect(errors("a: [-1e400]\n").count == 1)
    #expect(errors("a: !!float 1e999\n") == ["1:4: '1e999' is not a valid !!float"])
    #expect(try parse("a: .inf\nb: -.Inf\nc: 1e300\n")["a"]?.scalar == .float(.infinity))
  }

  @Test func aJSONFloatThatOverflowsIsAnError() {
    #expect(throws: YAMLParseFailure.self) {
      try JSONParser.parse("{\"a\": 1e400}", file: "a.json", fileNames: testFiles)
    }
  }

  // MARK: Keys compared by bytes

  @Test func keysThatDifferOnlyByNormalizationAreDifferentKeys() throws {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    #expect(composed == decomposed)  // Swift's String equality: why bytes are needed
    let node = try parse("\"\(composed)\": 1\n\"\(decomposed)\": 2\n")
    #expect(node.mapping?.count == 2)
    #expect(node[composed]?.int == 1)
    #expect(node[decomposed]?.int == 2)
    #expect(node.entry(decomposed)?.value.int == 2)
    var edited = node
    edited.set(decomposed, to: .scalar(.int(3)))
    #expect(edited[composed]?.int == 1)
    #expect(edited[decomposed]?.int == 3)
    #expect(
      try parse("\"\(composed)\": 1\n") != parse("\"\(decomposed)\": 1\n"),
      "mappings whose keys differ in bytes are different values")
  }

  @Test func jsonKeysThatDifferOnlyByNormalizationAreDifferentKeys() throws {
    let node = try JSONParser.parse(
      "{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}", file: "a.json", fileNames: testFiles)
    #expect(node.mapping?.count == 2)
  }

  @Test func manyDuplicateKeysAreReportedInLinearTime() {
    // Each duplicate used to scan every entry for the first one: 20,000 duplicates of
    // 20,000 keys took minutes.
    var text = ""
    for index in 0..<20_000 { text += "k\(index): 1\n" }
    text += text
    let found = errors(text)
    #expect(found.count == 20_000)
    #expect(found.first == "20001:1: duplicate key 'k0' (first set at line 1, column 1)")
  }

  @Test func aHundredThousandKeysParse() throws {
    var text = ""
    for index in 0..<100_000 { text += "key\(index): \(index)\n" }
    let node = try parse(text)
    #expect(node.mapping?.count == 100_000)
    #expect(node["key99999"]?.int == 99_999)
  }

  // MARK: Alias amplification

  @Test func aliasesOfLongStringsCountTheirBytes() {
    let long = String(repeating: "x", count: 1_000)
    var text = "a: &big \(long)\nb: ["
    text += Array(repeating: "*big", count: 100).joined(separator: ", ") + "]\n"
    let limits = ParseLimits(maxBytes: 50_000)
    #expect(
      errors(text, limits: limits).first
        == "2:"
        + "\(5 + 6 * 48):"
        + " document expands to more than 50000 bytes of text through aliases; refusing to expand it further"
    )
    #expect(errors(text).isEmpty)
  }

  @Test func nestedAliasesCountEveryExpandedByte() {
    // Each level doubles: 2^19 copies of a 256-byte string is 128 MB in a million nodes.
    var text = "l0: &l0 \(String(repeating: "y", count: 256))\n"
    for level in 1...19 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
    #expect(errors(text).first?.contains("MB of text through aliases") == true)
  }
}

@Suite struct YAMLCharacterErrorTests {
  func error(_ text: String) -> String? {
    do {
      _ = try YAMLParser.parse(text, file: "test.yaml", fileNames: testFiles)
      return nil
    } catch {
      return error.errors.first.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }
  }

  @Test(arguments: [
    ("\u{01}", "U+0001"), ("\u{0}", "U+0000"), ("\u{7F}", "U+007F"), ("\u{1B}", "U+001B"),
  ])
  func aControlCharacterIsReportedWhereItIs(character: String, code: String) {
    #expect(
      error("a: 1\nb:\n  c: \"x\(character)y\"\n")
        == "3:8: control character \(code) is not allowed in YAML; write it as an escape in a double-quoted string"
    )
  }

  @Test func columnsCountCharactersNotBytes() {
    #expect(error("é: \"ü\u{01}\"\n")?.hasPrefix("1:6: ") == true)
    #expect(error("\u{FEFF}a: \"\u{01}\"\n")?.hasPrefix("1:5: ") == true)
  }

  @Test func theFirstInvalidUTF8ByteIsFound() {
    let cases: [([UInt8], Int?)] = [
      (Array("plain ascii\n".utf8), nil),
      (Array("é ü 配 🎉".utf8), nil),
      ([0x61, 0x0A, 0x62, 0xFF], 3),
      ([0x61, 0xC3], 1),  // truncated
      ([0xC0, 0x80], 0),  // overlong
      ([0xE0, 0x80, 0x80], 0),  // overlong
      ([0xED, 0xA0, 0x80], 0),  // surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
      ([0x61, 0xE2, 0x82, 0x41], 1),  // bad continuation
    ]
    for (bytes, expected) in cases {
      #expect(bytes.withUnsafeBufferPointer { TextPosition.firstInvalidUTF8(in: $0) } == expected)
    }
    let bytes: [UInt8] = Array("a: 1\nname: é".utf8) + [0xFF]
    let position = bytes.withUnsafeBufferPointer {
      TextPosition.location(ofByte: TextPosition.firstInvalidUTF8(in: $0) ?? 0, in: $0)
    }
    #expect(position.line == 2 && position.column == 8)
  }
}
