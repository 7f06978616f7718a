import Foundation
import Testing

/// The built binary on inputs that used to be misread or to flood the terminal: a byte
/// order mark, bytes that are not UTF-8, a file with a thousand unknown keys.
@Suite struct HostileInputTests {
  @Test func setVersionKeepsAByteOrderMarkAndReadsTheMappingAfterIt() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.writeBytes(
      "environments/dev/web.yaml",
      [0xEF, 0xBB, 0xBF] + Array("version: 2.0.0\nvalues:\n  replicas: 2\n".utf8))
    let result = try repository.render("set-version", "web", "2.1.0", "--env", "dev")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(
      try repository.bytes("environments/dev/web.yaml")
        == [0xEF, 0xBB, 0xBF] + Array("version: 2.1.0\nvalues:\n  replicas: 2\n".utf8))
  }

  @Test func aFileThatIsNotUTF8IsReportedAtItsFirstBadByteAndNothingElse() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.writeBytes(
      "services/web/service.yaml",
      Array("template: web\nimage: ghcr.io/acme/w".utf8) + [0xE9, 0x0A])
    let result = try repository.render("validate")
    #expect(result.status == 1)
    #expect(
      result.errors == [
        "services/web/service.yaml:2:22: error[input]: 'services/web/service.yaml' is not UTF-8 text: byte 0xE9 at line 2, column 22"
      ], "\(result.transcript)")
  }

  @Test func aControlCharacterIsReportedWhereItIs() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write(
      "environments/dev/web.yaml", "version: 2.0.0\nvalues:\n  replicas: \"2\u{1B}[2J\"\n")
    let result = try repository.render("validate")
    #expect(result.status == 1)
    #expect(
      result.errors == [
        "environments/dev/web.yaml:3:15: error[input]: control character U+001B is not allowed in YAML; write it as an escape in a double-quoted string"
      ], "\(result.transcript)")
  }

  @Test func aThousandUnknownKeysPrintAHundredFindingsAndASummary() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let keys = (0..<1_000).map { "unknown\($0): 1\n" }.joined()
    try repository.write("environments/dev/web.yaml", "version: 2.0.0\n" + keys)
    let result = try repository.render("validate")
    #expect(result.status == 1)
    #expect(result.errors.count == 100, "\(result.stderr.prefix(2_000))")
    #expect(result.stderr.contains("… and 900 more findings in environments/dev/web.yaml\n"))
    #expect(result.stderr.hasSuffix("1000 errors\n"), "\(result.stderr.suffix(300))")
  }
}
