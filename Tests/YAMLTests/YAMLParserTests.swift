import TestSupport
import Testing

@testable import YAML

@Suite struct YAMLParserTests {
  func parse(_ text: String) throws -> Node {
    let documents = try YAMLParser.parse(text, file: "test.yaml", fileNames: testFiles)
    return try #require(documents.first)
  }

  func errors(_ text: String, limits: ParseLimits = .default) -> [YAMLError] {
    do {
      _ = try YAMLParser.parse(text, file: "test.yaml", fileNames: testFiles, limits: limits)
      return []
    } catch {
      return error.errors
    }
  }

  @Test func norwayValuesStayStrings() throws {
    let node = try parse("country: NO\nanswer: yes\nswitch: on\nmode: off\nperm: 0777\n")
    // A leading-zero integer is kept as written: YAML 1.1 and 1.2 read it differently.
    #expect(node["country"]?.string == "NO")
    #expect(node["answer"]?.string == "yes")
    #expect(node["switch"]?.string == "on")
    #expect(node["mode"]?.string == "off")
    #expect(node["perm"]?.string == "0777")
  }

  @Test func coreSchemaTypes() throws {
    let node = try parse(
      "a: true\nb: ~\nc: 0x1F\nd: 0o17\ne: 1.5\nf: -3\ng: .inf\nh: '42'\ni:\nj: 1e3\nk: 1.4.2\n")
    #expect(node["a"]?.bool == true)
    #expect(node["b"]?.isNull == true)
    #expect(node["c"]?.int == 31)
    #expect(node["d"]?.int == 15)
    #expect(node["e"]?.scalar == .float(1.5))
    #expect(node["f"]?.int == -3)
    #expect(node["g"]?.scalar == .float(.infinity))
    #expect(node["h"]?.string == "42")
    #expect(node["i"]?.isNull == true)
    #expect(node["j"]?.scalar == .float(1000))
    #expect(node["k"]?.string == "1.4.2")
  }

  @Test func locationsAreOneBasedAndCountCharacters() throws {
    let node = try parse("# ünïcödé comment\nname: é\nversion: 0.9.1\n")
    let version = try #require(node.entry("version"))
    #expect(version.keyLocation == testFiles.location("test.yaml", line: 3, column: 1))
    #expect(version.value.location == testFiles.location("test.yaml", line: 3, column: 10))
    #expect(node["name"]?.string == "é")
  }

  @Test func duplicateKeysAreErrors() {
    let found = errors("a: 1\nb: 2\na: 3\n")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("duplicate key 'a'") == true)
    #expect(found.first?.location.line == 3)
  }

  @Test func aliasesExpand() throws {
    let node = try parse("base: &b {x: 1}\ncopy: *b\n")
    #expect(node["copy"]?["x"]?.int == 1)
  }

  @Test func billionLaughsFailsFast() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      let items = Array(repeating: previous, count: 10).joined(separator: ", ")
      text += "a\(level): &a\(level) [\(items)]\n"
    }
    let found = errors(text)
    #expect(found.count == 1)
    #expect(found.first?.message.contains("expands to more than") == true)
  }

  @Test func deepNestingIsBounded() {
    let text = "deep: " + String(repeating: "[", count: 200_000)
    let found = errors(text)
    #expect(found.first?.message.contains("nesting deeper than") == true)
  }

  @Test func syntaxErrorsHaveLocations() {
    let found = errors("a: 1\nb: [1, 2\nc: 3\n")
    #expect(found.count == 1)
    #expect(found.first?.location.testPath == "test.yaml")
    #expect((found.first?.location.line ?? 0) >= 2)
  }

  @Test func customTagsAreRejected() {
    let found = errors("a: !secret value\n")
    #expect(found.first?.message.contains("unsupported tag '!secret'") == true)
    #expect(found.first?.location == testFiles.location("test.yaml", line: 1, column: 4))
  }

  @Test func coreTagsWork() throws {
    let node = try parse("a: !!str 123\nb: !!int '7'\nc: !!float 1\n")
    #expect(node["a"]?.string == "123")
    #expect(node["b"]?.int == 7)
    #expect(node["c"]?.scalar == .float(1))
  }

  @Test func multipleDocuments() throws {
    let documents = try YAMLParser.parse(
      "a: 1\n---\nb: 2\n---\n", file: "m.yaml", fileNames: testFiles)
    #expect(documents.count == 3)
    #expect(documents[2].isNull)
  }

  @Test func crlfLineEndings() throws {
    let node = try parse("a: 1\r\nb: |\r\n  x\r\n  y\r\n")
    #expect(node["a"]?.int == 1)
    #expect(node["b"]?.string == "x\ny\n")
    #expect(node.entry("b")?.keyLocation.line == 2)
  }

  @Test func mergeKeysAreRejected() {
    let found = errors("base: &b {x: 1}\nother:\n  <<: *b\n")
    #expect(found.first?.message.contains("merge keys") == true)
  }

  @Test func emptyInputHasNoDocuments() throws {
    #expect(try YAMLParser.parse("", file: "e.yaml", fileNames: testFiles).isEmpty)
    #expect(
      try YAMLParser.parse("# only a comment\n", file: "e.yaml", fileNames: testFiles).isEmpty)
  }
}
