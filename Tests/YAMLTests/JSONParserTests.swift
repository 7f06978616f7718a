import TestSupport
import Testing

@testable import YAML

@Suite struct JSONParserTests {
  @Test func parsesLikeTheYAMLParser() throws {
    let text = """
      {"a": 1, "b": [true, false, null, 0.5, -3, 1e3], "c": {"d": "x\\ty\\"z", "e": {}},
       "f": [], "g": "\\u00e9", "h": "plain"}
      """
    let json = try JSONParser.parse(text, file: "t.json", fileNames: testFiles)
    let yaml = try #require(try YAMLParser.parse(text, file: "t.json", fileNames: testFiles).first)
    #expect(json == yaml)
    #expect(json["g"]?.string == "é")
    // Surrogate pairs: JSON writes characters beyond the BMP so (libyaml refuses them).
    #expect(
      try JSONParser.parse("\"\\ud83d\\ude00\"", file: "t.json", fileNames: testFiles).string == "😀"
    )
    #expect(json["b"]?.sequence?[3].scalar == .float(0.5))
    #expect(json["b"]?.sequence?[4].int == -3)
    #expect(json["c"]?["d"]?.string == "x\ty\"z")
  }

  @Test func emptyContainersMayHoldWhitespace() throws {
    let json = try JSONParser.parse(
      "{ \"a\": [ \n ], \"b\": {\t}, \"c\": [ 1 ] }", file: "t.json", fileNames: testFiles)
    #expect(json["a"]?.sequence?.isEmpty == true)
    #expect(json["b"]?.mapping?.isEmpty == true)
    #expect(json["c"]?.sequence?.count == 1)
    #expect(
      try JSONParser.parse(" { } ", file: "t.json", fileNames: testFiles).mapping?.isEmpty == true)
  }

  @Test func locationsAreOneBased() throws {
    let json = try JSONParser.parse(
      "{\n  \"a\": {\n    \"b\": 2}}", file: "t.json", fileNames: testFiles)
    #expect(json.entry("a")?.keyLocation == testFiles.location("t.json", line: 2, column: 3))
    #expect(json["a"]?["b"]?.location == testFiles.location("t.json", line: 3, column: 10))
  }

  @Test(arguments: [
    ("{\"a\": 1,}", "expected a string key", 9),
    ("[1 2]", "expected ',' or ']'", 4),
    ("{\"a\": 1, \"a\": 2}", "duplicate key 'a'", 10),
    ("\"open", "unterminated string", 6),
    ("[1] x", "unexpected text after the JSON value", 5),
    ("{\"a\": tru}", "expected 'true'", 10),
    ("[\"\\q\"]", "invalid escape '\\q'", 5),
  ])
  func errorsHaveLocations(_ text: String, _ message: String, _ column: Int) {
    do {
      _ = try JSONParser.parse(text, file: "t.json", fileNames: testFiles)
      Issue.record("'\(text)' should not parse")
    } catch {
      #expect(error.errors.first?.message == message)
      #expect(error.errors.first?.location.column == column)
    }
  }

  @Test func depthIsBounded() {
    let text = String(repeating: "[", count: 10_000)
    do {
      _ = try JSONParser.parse(text, file: "t.json", fileNames: testFiles)
      Issue.record("should not parse")
    } catch {
      #expect(error.errors.first?.message.contains("nesting deeper than") == true)
    }
  }
}
