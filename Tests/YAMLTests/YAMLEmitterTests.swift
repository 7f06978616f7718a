import TestSupport
import Testing

@testable import YAML

@Suite struct YAMLEmitterTests {
  func roundTrip(_ text: String) throws -> String {
    let documents = try YAMLParser.parse(text, file: "t.yaml", fileNames: testFiles)
    return YAMLEmitter.emit(documents: documents)
  }

  @Test func canonicalBlockStyle() throws {
    let text = """
      apiVersion: apps/v1
      kind: Deployment
      spec:
        template:
          spec:
            containers: [{name: app, ports: [{containerPort: 8080}], args: []}]
        empty: {}

      """
    #expect(
      try roundTrip(text) == """
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
              - name: app
                ports:
                - containerPort: 8080
                args: []
          empty: {}

        """)
  }

  @Test(arguments: [
    "yes", "no", "on", "off", "y", "N", "true", "False", "null", "~", "", "0777", "1:30",
    "1e3", "12", "-5", "3.14", ".inf", "0x1F", "0b101", "1_000", "2024-01-01", "<<", "=",
    " lead", "trail ", "a: b", "a #b", "#c", "- x", "[x]", "{x}", "*ref", "&anchor", "!tag",
    "|", ">", "'q", "\"q", "%p", "@at", "`b", "---", "...", "key:", "tab\there", "ctrl\u{7}",
    "Yes", "YES", "n", "NO", "On", "OFF", "Y", "TRUE", "false", "FALSE", "Null", "NULL",
  ])
  func ambiguousStringsAreQuoted(_ text: String) throws {
    let emitted = YAMLEmitter.emit(.mapping([.init("k", .string(text))]))
    #expect(emitted.hasPrefix("k: \""))
    let back = try YAMLParser.parse(emitted, file: "t.yaml", fileNames: testFiles)
    #expect(back.first?["k"]?.string == text)
  }

  @Test(arguments: [
    "nginx:1.25", "ghcr.io/acme/checkout", "-Xmx512m", "a,b", "hello world", "é",
    // Only lower case, capitalised and upper case spell a boolean or null.
    "tRUE", "yEs", "nULL", "oN", "yess", "nulls", "ye", "nope", "offx", "truthy",
  ])
  func safeStringsStayPlain(_ text: String) throws {
    #expect(YAMLEmitter.emit(.mapping([.init("k", .string(text))])) == "k: \(text)\n")
  }

  /// The syntax half of the plain-scalar test, which set-version uses on its own: a
  /// number is one plain token even though it would not read back as a string.
  @Test func plainSyntaxIgnoresTypesAndKnowsFlowContext() {
    #expect(PlainScalarSafety.hasPlainSyntax("1.0", inFlow: false))
    #expect(PlainScalarSafety.hasPlainSyntax("yes", inFlow: true))
    #expect(PlainScalarSafety.hasPlainSyntax("a,b", inFlow: false))
    #expect(!PlainScalarSafety.hasPlainSyntax("a,b", inFlow: true))
    #expect(!PlainScalarSafety.hasPlainSyntax("x{y}", inFlow: true))
    #expect(!PlainScalarSafety.hasPlainSyntax("a: b", inFlow: false))
    #expect(!PlainScalarSafety.hasPlainSyntax("- a", inFlow: false))
    #expect(!PlainScalarSafety.hasPlainSyntax("tab\there", inFlow: false))
    #expect(PlainScalarSafety.hasPlainSyntax("é-ok", inFlow: true))
    #expect(!PlainScalarSafety.hasPlainSyntax("bom\u{FEFF}", inFlow: false))
    // NEL: a line break to a YAML 1.1 reader, so never plain.
    #expect(!PlainScalarSafety.hasPlainSyntax("a\u{85}b", inFlow: false))
    #expect(!PlainScalarSafety.canBePlain("a\u{85}b"))
  }

  @Test(arguments: [
    "line1\nline2", "line1\nline2\n", "a\n\n", "a\n\nb\n", " leading\nx", "trailing \nx",
    "x\r\ny", "\n\n", "tab\tinside\nok\n",
  ])
  func multilineStringsRoundTrip(_ text: String) throws {
    let node = Node.mapping([.init("k", .string(text)), .init("after", .string("v"))])
    let emitted = YAMLEmitter.emit(node)
    let back = try YAMLParser.parse(emitted, file: "t.yaml", fileNames: testFiles)
    #expect(back.first?["k"]?.string == text, "emitted:\n\(emitted)")
    #expect(back.first?["after"]?.string == "v")
  }

  @Test func literalBlockInSequence() throws {
    let node = Node.sequence([.string("a\nb\n"), .string("c")])
    #expect(YAMLEmitter.emit(node) == "- |\n  a\n  b\n- c\n")
  }

  @Test func numbersAreCanonical() throws {
    #expect(
      try roundTrip("a: 0x1F\nb: 1e3\nc: 0.5\nd: -.inf\n") == "a: 31\nb: 1000.0\nc: 0.5\nd: -.inf\n"
    )
  }

  @Test func nestedSequences() throws {
    #expect(try roundTrip("a: [[1, 2], [3]]\n") == "a:\n- - 1\n  - 2\n- - 3\n")
  }

  @Test func keysAreQuotedWhenNeeded() throws {
    #expect(
      try roundTrip("'on': 1\n'a: b': 2\nplain/key.io: 3\n")
        == "\"on\": 1\n\"a: b\": 2\nplain/key.io: 3\n")
  }
}

@Suite struct YAMLEmitterLineBreakTests {
  /// A YAML 1.1 reader takes NEL, LS and PS for line breaks even inside double quotes and
  /// folds them (`"a<NEL>b"` reads back as `a b`), so they are written as escapes.
  @Test(arguments: [("\u{85}", "\\N"), ("\u{2028}", "\\L"), ("\u{2029}", "\\P")])
  func unicodeLineBreaksAreEscapedInValuesAndKeys(character: String, escape: String) throws {
    let value = "a\(character)b"
    let node = Node.mapping([Node.Entry(value, .string(value))])
    #expect(YAMLEmitter.emit(node) == "\"a\(escape)b\": \"a\(escape)b\"\n")
    let multiline = "first\(character)\nsecond\n"
    let emitted = YAMLEmitter.emit(.mapping([Node.Entry("k", .string(multiline))]))
    #expect(emitted == "k: \"first\(escape)\\nsecond\\n\"\n")
    let readBack = try YAMLParser.parse(emitted, file: "out.yaml", fileNames: testFiles).first
    #expect(readBack?["k"]?.string == multiline)
  }
}

@Suite struct YAMLEmitterRootTests {
  /// Found by the fuzz test: a multi-line string as a whole document was written as a
  /// literal block with its lines in column 1, which libyaml cannot read back.
  @Test func aMultiLineStringDocumentReadsBack() throws {
    let emitted = YAMLEmitter.emit(.string("one\ntwo\n"))
    #expect(emitted == "|\n  one\n  two\n")
    #expect(
      try YAMLParser.parse(emitted, file: "out.yaml", fileNames: testFiles).first?.string
        == "one\ntwo\n")
  }
}

@Suite struct YAMLEmitterLiteralBlockTests {
  /// Found by libFuzzer (Scripts/fuzz.sh): after an empty first line, a line starting
  /// with spaces set the block's indentation for a reader, and the value read back wrong.
  @Test(arguments: ["\n  &1\n &-", "\n\n   x\ny", "\n\tx\ny"])
  func aBlockWhoseFirstTextLineStartsWithSpaceIsQuoted(value: String) throws {
    let emitted = YAMLEmitter.emit(.mapping([Node.Entry("k", .string(value))]))
    #expect(
      try YAMLParser.parse(emitted, file: "out.yaml", fileNames: testFiles).first?["k"]?.string
        == value, "\(emitted)")
  }
}
