import TestSupport
import Testing

@testable import YAML

/// Inline YAML in, exact text out: every byte but the edited token must survive.
@Suite struct YAMLTextEditorTests {
  func set(
    _ value: String, at path: [String], in text: String
  ) throws(YAMLEditError) -> YAMLTextEdit {
    try YAMLTextEditor.setString(value, at: path, in: text, file: "f.yaml", fileNames: testFiles)
  }

  @Test func replacesPlainValueKeepingCommentsAndBlankLines() throws {
    let text = """
      # Checkout in prod.   Pinned by CI.
      version: 1.14.2   # bumped by render set-version

      # The values below are tuned by hand.
      values:
        replicas: 3 # three zones

      """
    let edit = try set("1.15.0", at: ["version"], in: text)
    #expect(
      edit.text == """
        # Checkout in prod.   Pinned by CI.
        version: 1.15.0   # bumped by render set-version

        # The values below are tuned by hand.
        values:
          replicas: 3 # three zones

        """)
    #expect(edit.change == .replaced(previous: .string("1.14.2")))
    #expect(edit.location == testFiles.location("f.yaml", line: 2, column: 10))
  }

  @Test func keepsSingleAndDoubleQuotes() throws {
    #expect(
      try set("2.0.0", at: ["version"], in: "version: '1.0.0'\n").text == "version: '2.0.0'\n")
    #expect(
      try set("2.0.0", at: ["version"], in: "version: \"1.0.0\"\n").text == "version: \"2.0.0\"\n")
    #expect(try set("it's", at: ["a"], in: "a: 'b'\n").text == "a: 'it''s'\n")
  }

  @Test func quotesPlainValueOnlyWhenItWouldReadAsAnotherType() throws {
    // A YAML 1.2 reader takes `1.15` and `true` for a number and a boolean.
    #expect(try set("1.15", at: ["version"], in: "version: 1.14.2\n").text == "version: \"1.15\"\n")
    #expect(try set("true", at: ["version"], in: "version: 1.14.2\n").text == "version: \"true\"\n")
    #expect(try set("a: b", at: ["version"], in: "version: x\n").text == "version: \"a: b\"\n")
    #expect(try set("x #y", at: ["version"], in: "version: x\n").text == "version: \"x #y\"\n")
    // Strings to YAML 1.2 but not to YAML 1.1 readers (a CI script with PyYAML) are quoted.
    for value in ["yes", "on", "0777", "1_000", "1:30", "2024-01-01", "1e3"] {
      #expect(try set(value, at: ["v"], in: "v: x\n").text == "v: \"\(value)\"\n", "\(value)")
    }
    // `1.15.0` and a digest stay plain: they read back as the same strings.
    #expect(try set("1.15.0", at: ["version"], in: "version: 1.14.2\n").text == "version: 1.15.0\n")
    #expect(try set("10.0.0.1", at: ["v"], in: "v: 1.0.0\n").text == "v: 10.0.0.1\n")
    #expect(try set("1.16.0-rc.1", at: ["v"], in: "v: 1.0.0\n").text == "v: 1.16.0-rc.1\n")
    #expect(try set("v2.0", at: ["v"], in: "v: 1.0.0\n").text == "v: v2.0\n")
    let digest = "sha256:" + String(repeating: "ab", count: 32)
    #expect(try set(digest, at: ["version"], in: "version: 1.0\n").text == "version: \(digest)\n")
  }

  @Test func keepsCRLFLineBreaks() throws {
    let text = "# c\r\nversion: 1.0.0\r\nvalues:\r\n  a: 1\r\n"
    #expect(
      try set("1.1.0", at: ["version"], in: text).text
        == "# c\r\nversion: 1.1.0\r\nvalues:\r\n  a: 1\r\n")
    #expect(
      try set("1.1.0", at: ["values", "version"], in: text).text
        == "# c\r\nversion: 1.0.0\r\nvalues:\r\n  a: 1\r\n  version: 1.1.0\r\n")
  }

  @Test func countsBytesNotCharactersAfterUnicode() throws {
    // libyaml's mark index counts characters: here it is 42 while the byte offset is 47.
    let text = """
      # ünïcödé comment
      image: ghcr.io/acme/x
      version: 0.9.1 # ☃

      """
    let edit = try set("0.10.0", at: ["version"], in: text)
    #expect(
      edit.text == """
        # ünïcödé comment
        image: ghcr.io/acme/x
        version: 0.10.0 # ☃

        """)
    #expect(edit.location.line == 3)
    #expect(edit.location.column == 10)
    let inline = try set("2", at: ["b"], in: "a: \"é—ü\" # ☃☃\nb: 1 # ü\n")
    #expect(inline.text == "a: \"é—ü\" # ☃☃\nb: \"2\" # ü\n")
  }

  @Test func keepsTheBOM() throws {
    #expect(
      try set("2.0", at: ["v"], in: "\u{FEFF}# é\nv: x\n").text == "\u{FEFF}# é\nv: \"2.0\"\n")
  }

  @Test func editsInsideFlowMappings() throws {
    let text = "services:\n  checkout: {version: 1.4.1, enabled: true}  # pinned\n"
    #expect(
      try set("1.5.0", at: ["services", "checkout", "version"], in: text).text
        == "services:\n  checkout: {version: 1.5.0, enabled: true}  # pinned\n")
    // A comma ends a plain scalar in flow context, so such a value is quoted there.
    #expect(
      try set("a,b", at: ["services", "checkout", "version"], in: text).text
        == "services:\n  checkout: {version: \"a,b\", enabled: true}  # pinned\n")
  }

  @Test func insertsIntoFlowMappings() throws {
    #expect(
      try set("2.0.0", at: ["a", "version"], in: "a: {b: 1}\n").text
        == "a: {b: 1, version: 2.0.0}\n")
    #expect(
      try set("2.0.0", at: ["a", "version"], in: "a: { b: 1 }\n").text
        == "a: { b: 1, version: 2.0.0 }\n")
    #expect(try set("2.0.0", at: ["a", "version"], in: "a: {}\n").text == "a: {version: 2.0.0}\n")
    #expect(
      try set("2.0.0", at: ["version"], in: "{b: 1}  # c").text == "{b: 1, version: 2.0.0}  # c")
  }

  @Test func insertsIntoBlockMappingAfterItsLastEntry() throws {
    let text = """
      services:
        checkout:
          # Only prod scales out.
          values:
            replicas: 3   # zones

        # catalog stays on the default.
        catalog: {enabled: false}

      """
    let edit = try set("1.15.0", at: ["services", "checkout", "version"], in: text)
    #expect(
      edit.text == """
        services:
          checkout:
            # Only prod scales out.
            values:
              replicas: 3   # zones
            version: 1.15.0

          # catalog stays on the default.
          catalog: {enabled: false}

        """)
    #expect(edit.change == .inserted)
    #expect(edit.location == testFiles.location("f.yaml", line: 6, column: 14))
  }

  @Test func insertsAfterABlockScalar() throws {
    let text = "a:\n  script: |\n    echo hi\n\n  # end\nb: 1\n"
    #expect(
      try set("x", at: ["a", "version"], in: text).text
        == "a:\n  script: |\n    echo hi\n\n  version: x\n  # end\nb: 1\n")
  }

  @Test func insertsAtTheIndentationOfTheEntries() throws {
    #expect(try set("v", at: ["k"], in: "a: 1\n").text == "a: 1\nk: v\n")
    #expect(
      try set("x", at: ["root", "deep", "b"], in: "root:\n    deep:\n        a: 1\n    other: 2\n")
        .text
        == "root:\n    deep:\n        a: 1\n        b: x\n    other: 2\n")
    #expect(
      try set("x", at: ["a", "b"], in: "a:\n  c: {d: 1,\n    e: 2}\nf: 3\n").text
        == "a:\n  c: {d: 1,\n    e: 2}\n  b: x\nf: 3\n")
  }

  @Test func keepsAMissingFinalNewline() throws {
    #expect(try set("2", at: ["b"], in: "a: 1").text == "a: 1\nb: \"2\"")
    #expect(try set("x", at: ["a"], in: "a: 1").text == "a: x")
    #expect(try set("x", at: ["s", "b"], in: "s:\n  a: 1").text == "s:\n  a: 1\n  b: x")
  }

  @Test func insertsIntoEmptyAndCommentOnlyDocuments() throws {
    #expect(try set("1.0.0", at: ["version"], in: "").text == "version: 1.0.0\n")
    #expect(
      try set("1.0.0", at: ["version"], in: "# just a comment\n").text
        == "# just a comment\nversion: 1.0.0\n")
    #expect(
      try set("1.0.0", at: ["version"], in: "# no newline").text == "# no newline\nversion: 1.0.0\n"
    )
    #expect(try set("1.0.0", at: ["version"], in: "---\n").text == "---\nversion: 1.0.0\n")
  }

  @Test func fillsNullValuesAndNullOverrides() throws {
    #expect(
      try set("1.0.0", at: ["version"], in: "version:\nb: 1\n").text == "version: 1.0.0\nb: 1\n")
    #expect(
      try set("1.0.0", at: ["version"], in: "version:   # later\n").text
        == "version: 1.0.0   # later\n")
    #expect(try set("1.0.0", at: ["version"], in: "version: ~\n").text == "version: 1.0.0\n")
    #expect(
      try set(
        "1.0.0", at: ["services", "checkout", "version"],
        in: "services:\n  checkout:  # all defaults\n  cart: {}\n"
      )
      .text == "services:\n  checkout:  # all defaults\n    version: 1.0.0\n  cart: {}\n")
    #expect(
      try set("1.0.0", at: ["services", "checkout", "version"], in: "services:\n  checkout: ~\n")
        .text
        == "services:\n  checkout: {version: 1.0.0}\n")
    #expect(
      try set(
        "1.0.0", at: ["services", "checkout", "version"], in: "services: {checkout: , x: {}}\n"
      ).text
        == "services: {checkout: {version: 1.0.0}, x: {}}\n")
  }

  @Test func editsTheNestedOverrideInEnvironmentYAML() throws {
    let text = """
      # Production.
      inherits: base
      namespace: shop-prod

      services:
        # Catalog is the slowest to roll out.
        catalog:
          version: 2.7.0   # do not skip 2.6.x
          values:
            pdb:
              minAvailable: 2
        payments:
          values: {replicas: 2}
        cart-expiry:
          version: "1.2.0"

      policy:
        rules: {probes: error}

      """
    let catalog = try set("2.8.0", at: ["services", "catalog", "version"], in: text)
    #expect(catalog.text == text.replacingOccurrences("version: 2.7.0", "version: 2.8.0"))
    #expect(catalog.location.line == 8)
    let cart = try set("1.3.0", at: ["services", "cart-expiry", "version"], in: catalog.text)
    #expect(
      cart.text
        == text.replacingOccurrences("version: 2.7.0", "version: 2.8.0")
        .replacingOccurrences("\"1.2.0\"", "\"1.3.0\""))
    let payments = try set("4.2.0", at: ["services", "payments", "version"], in: text)
    #expect(
      payments.text
        == text.replacingOccurrences(
          "    values: {replicas: 2}\n", "    values: {replicas: 2}\n    version: 4.2.0\n"))
    // A key elsewhere with the same name is not the one on the path.
    #expect(!payments.text.contains("rules: {probes: error, version"))
  }

  @Test func unchangedValueReturnsTheSameText() throws {
    let text = "version: '1.0.0'  # same\n"
    let edit = try set("1.0.0", at: ["version"], in: text)
    #expect(edit.change == .unchanged)
    #expect(edit.text == text)
    // A number that prints the same is not the same string.
    #expect(try set("1.5", at: ["v"], in: "v: 1.5\n").text == "v: \"1.5\"\n")
  }

  @Test func refusesSeveralDocuments() {
    #expect(throws: YAMLEditError.self) {
      try set("2", at: ["version"], in: "version: 1\n---\nversion: 1\n")
    }
  }

  @Test func refusesWhatItCannotEditSafely() {
    let refused: [(String, [String])] = [
      ("version: [1]\n", ["version"]),  // a list
      ("version: {a: 1}\n", ["version"]),  // a mapping
      ("version: !!str 1.0\n", ["version"]),  // a tag
      ("a: &x 1\nversion: *x\n", ["version"]),  // an alias
      ("version: |\n  1.0\n", ["version"]),  // a block scalar
      ("a: 1\n", ["a", "version"]),  // the parent is a number
      ("a: [\n", ["a"]),  // a syntax error
      ("a: 1\na: 2\n", ["a"]),  // a duplicate key
    ]
    for (text, path) in refused {
      #expect(throws: YAMLEditError.self, "\(text)") { try set("2.0.0", at: path, in: text) }
    }
  }

  @Test func errorsNameTheFileAndPlace() {
    do throws(YAMLEditError) {
      _ = try set("2", at: ["services", "x", "version"], in: "services:\n  x:\n    version: [1]\n")
      Issue.record("expected a refusal")
    } catch {
      #expect(error.location == testFiles.location("f.yaml", line: 3, column: 14))
      #expect(error.message.contains("'services.x.version'"))
    }
  }

  /// Missing mappings on the way are written with the value, in the style of the
  /// mapping they go into, and nothing else moves.
  @Test(arguments: [
    (
      "# pins\nservices:\n  search: {version: 1}\n", ["services", "checkout", "version"],
      "# pins\nservices:\n  search: {version: 1}\n  checkout:\n    version: 2.0.0\n"
    ),
    (
      "namespace: shop  # the shop\n\n# end\n", ["defaults", "version"],
      "namespace: shop  # the shop\ndefaults:\n  version: 2.0.0\n\n# end\n"
    ),
    (
      "inherits: base\r\n", ["defaults", "version"],
      "inherits: base\r\ndefaults:\r\n  version: 2.0.0\r\n"
    ),
    ("a: {b: 1}\n", ["a", "c", "d", "version"], "a: {b: 1, c: {d: {version: 2.0.0}}}\n"),
    ("", ["defaults", "version"], "defaults:\n  version: 2.0.0\n"),
    ("defaults:\n", ["defaults", "x", "version"], "defaults:\n  x:\n    version: 2.0.0\n"),
    ("defaults: ~\n", ["defaults", "x", "version"], "defaults: {x: {version: 2.0.0}}\n"),
  ])
  func addsMissingParents(text: String, path: [String], expected: String) throws {
    let edit = try set("2.0.0", at: path, in: text)
    #expect(edit.text == expected)
    #expect(edit.change == .inserted)
  }

  @Test func aParentThatIsNotAMappingPointsAtIt() {
    do throws(YAMLEditError) {
      _ = try set("2", at: ["defaults", "x", "version"], in: "# d\ndefaults: [1]\n")
      Issue.record("expected a refusal")
    } catch {
      #expect(
        error.message.contains(
          "'defaults' in f.yaml is a list, not a mapping; cannot add 'x' to it"))
      #expect(error.location == testFiles.location("f.yaml", line: 2, column: 11))
    }
  }

  @Test func locatesByteOffsetsThroughTheLocator() throws {
    let text = "# ü\nk:\n  v: 'x'\n"
    let found = try YAMLScalarLocator(path: ["k", "v"], fileID: testFiles.id(of: "f.yaml")).locate(
      in: text)
    let span = try #require(found.nodes[2])
    let bytes = Array(text.utf8)
    #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self) == "'x'")
    #expect(found.documentCount == 1)
  }
}

extension String {
  /// Test helper without Foundation: every occurrence of `target` replaced.
  fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
