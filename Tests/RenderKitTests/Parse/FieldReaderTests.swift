import TestSupport
import Testing

@testable import RenderKit

@Suite struct FieldReaderTests {
  private func reader(_ text: String) throws -> FieldReader {
    FieldReader(try RepositoryFixture.node(text, file: "service.yaml"), subject: "service.yaml")
  }

  @Test func unknownKeyIsReportedAtTheKeyWithTheNearestKnownKey() throws {
    var fields = try reader(
      """
      template: web
        # a comment
      imgae: ghcr.io/acme/checkout
      """)
    _ = fields.string("template")
    _ = fields.string("image")
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:3:1: unknown key 'imgae' in service.yaml; did you mean 'image'?"
      ])
  }

  @Test func unknownKeyFarFromEveryKnownKeyHasNoSuggestion() throws {
    var fields = try reader("template: web\ncolour: blue\n")
    _ = fields.string("template")
    #expect(
      RepositoryFixture.lines(fields.finish(), in: testFiles) == [
        "service.yaml:2:1: unknown key 'colour' in service.yaml"
      ])
  }

  @Test func keysReadInAnyWayAreKnown() throws {
    var fields = try reader("a: 1\nb: x\nc: [1]\nd: {}\ne: true\nf: null\n")
    _ = fields.int("a")
    _ = fields.value("b")
    _ = fields.sequence("c")
    _ = fields.entry("d")
    _ = fields.bool("e")
    fields.require("f")
    #expect(fields.finish().isEmpty)
  }

  @Test func aNumberWhereAStringBelongsSuggestsQuoting() throws {
    // `1.10` is the float 1.1: exactly why the value must be quoted.
    var fields = try reader("version: 1.10\n")
    #expect(fields.string("version") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:1:10: 'version' in service.yaml must be a string, not a number (1.1)"
      ])
    #expect(found.first?.help == "quote the value to make it a string")
  }

  @Test func aYAML11BooleanWhereABooleanBelongsNamesBothReadings() throws {
    // YAML 1.2: `yes` is a string, not true; kubectl's YAML 1.1 reader says true.
    var fields = try reader("abstract: yes\n")
    #expect(fields.bool("abstract") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:1:11: 'abstract' in service.yaml must be true or false: 'yes' is the boolean true to YAML 1.1 readers such as kubectl, but the string 'yes' to YAML 1.2"
      ])
    #expect(found.first?.help == "write true for the boolean, or quote 'yes' for the string")
  }

  @Test func aLeadingZeroIntegerWhereAnIntegerBelongsGivesBothSpellings() throws {
    var fields = try reader("replicas: 010\n")
    #expect(fields.int("replicas") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:1:11: 'replicas' in service.yaml must be an integer: '010' is octal 8 to YAML 1.1 readers such as kubectl, but 10 to YAML 1.2"
      ])
    #expect(found.first?.help == "write 0o10 or 8 for the octal value, or 10 for the decimal one")
  }

  @Test func aQuotedYAML11BooleanIsAPlainTypeError() throws {
    var fields = try reader("abstract: 'yes'\n")
    #expect(fields.bool("abstract") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:1:11: 'abstract' in service.yaml must be true or false, not a string (\"yes\")"
      ])
    #expect(found.first?.help == nil)
  }

  @Test func aCollectionWhereAStringBelongsHasNoQuoteHint() throws {
    var fields = try reader("image: [a, b]\n")
    #expect(fields.string("image") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:1:8: 'image' in service.yaml must be a string, not a list"
      ])
    #expect(found.first?.help == nil)
  }

  @Test func wrongContainerTypes() throws {
    var fields = try reader("values: [1]\npatches: {a: 1}\nreplicas: \"3\"\n")
    #expect(fields.mapping("values") == nil)
    #expect(fields.sequence("patches") == nil)
    #expect(fields.int("replicas") == nil)
    #expect(
      RepositoryFixture.lines(fields.finish(), in: testFiles) == [
        "service.yaml:1:9: 'values' in service.yaml must be a mapping, not a list",
        "service.yaml:2:10: 'patches' in service.yaml must be a list, not a mapping",
        "service.yaml:3:11: 'replicas' in service.yaml must be an integer, not a string (\"3\")",
      ])
  }

  @Test func nullReadsAsAbsent() throws {
    var fields = try reader("image: null\nvalues:\n")
    #expect(fields.string("image") == nil)
    #expect(fields.mapping("values") == nil)
    #expect(fields.finish().isEmpty)
  }

  @Test func missingRequiredKeyIsReportedAtTheMapping() throws {
    let node = try RepositoryFixture.node("items:\n  - kind: Secret\n", file: "env.yaml")
    let item = try #require(node["items"]?.sequence?.first)
    var fields = FieldReader(item, subject: "an 'external' entry")
    fields.require("kind")
    fields.require("name", help: "name the object")
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "env.yaml:2:5: an 'external' entry is missing 'name'"
      ])
    #expect(found.first?.help == "name the object")
  }

  @Test func aNullDocumentIsAnEmptyMappingAndAScalarIsNot() throws {
    var empty = FieldReader(.null(at: testFiles.start(of: "a.yaml")), subject: "a.yaml")
    empty.require("template")
    #expect(
      RepositoryFixture.lines(empty.finish(), in: testFiles) == [
        "a.yaml:1:1: a.yaml is missing 'template'"
      ])

    var scalar = FieldReader(
      try RepositoryFixture.node("just text\n", file: "b.yaml"), subject: "b.yaml")
    // Asking a scalar for keys is not a second finding.
    scalar.require("template")
    #expect(
      RepositoryFixture.lines(scalar.finish(), in: testFiles) == [
        "b.yaml:1:1: b.yaml must be a mapping, not a string"
      ])
  }

  @Test func stringMappingReportsEachNonStringValueWithItsQuotedForm() throws {
    var fields = try reader("labels:\n  team: payments\n  tier: 2\n  canary: true\n")
    #expect(fields.stringMapping("labels") == nil)
    let found = fields.finish()
    #expect(
      RepositoryFixture.lines(found, in: testFiles) == [
        "service.yaml:3:9: 'labels.tier' in service.yaml must be a string, not an integer",
        "service.yaml:4:11: 'labels.canary' in service.yaml must be a string, not a boolean",
      ])
    #expect(found.map(\.help) == ["quote the value: \"2\"", "quote the value: \"true\""])
  }

  @Test func stringMappingAllowsNullToRemoveAnInheritedKey() throws {
    var fields = try reader("labels: {team: payments, tier: null}\n")
    let labels = fields.stringMapping("labels")
    #expect(labels?.mapping?.map(\.key) == ["team", "tier"])
    #expect(fields.finish().isEmpty)
  }

  @Test func stringListReportsNonStringItemsAndKeepsTheRest() throws {
    var fields = try reader("schemas: [a, 1, b]\n")
    let list = fields.stringList("schemas")
    let items = try #require(list)
    #expect(items.map(\.value) == ["a", "b"])
    #expect(items.map(\.location.column) == [11, 17])
    #expect(
      RepositoryFixture.lines(fields.finish(), in: testFiles) == [
        "service.yaml:1:14: items of 'schemas' in service.yaml must be strings, not an integer"
      ])
  }

  @Test func valuesKeepTheirLocations() throws {
    var fields = try reader("template: web\nimage:   ghcr.io/acme/x\n")
    #expect(
      fields.string("image")
        == Located("ghcr.io/acme/x", at: testFiles.location("service.yaml", line: 2, column: 10)))
  }
}
