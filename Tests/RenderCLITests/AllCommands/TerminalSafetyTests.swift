import Foundation
import Testing

/// Output is safe on a terminal and never lost silently: control characters from inputs
/// print escaped, and a write that fails is an error.
@Suite struct TerminalSafetyTests {
  static let escape = "\u{1B}"

  @Test func controlCharactersInKeysAndPathsPrintEscaped() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.append(
      "services/api/service.yaml", "\"\\e]0;pwned\\a\\e[2J\\u0085\\u2028\": 1\n")
    try repository.write("environments/prod/\(Self.escape)[2Jnote.yml", "x\n")
    let result = try repository.render("validate")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(!result.stderr.contains(Self.escape))
    #expect(!result.stderr.contains("\u{85}"))
    #expect(!result.stderr.contains("\u{2028}"))
    #expect(result.stderr.contains(#"unknown key '\u001B]0;pwned\u0007\u001B[2J\u0085\u2028'"#))
    #expect(result.stderr.contains(#"environments/prod/\u001B[2Jnote.yml"#))
  }

  @Test func aFullDiskOnStdoutIsAnError() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let process = Process()
    process.executableURL = RenderBinary.url
    process.arguments = ["preview", "prod"]
    process.currentDirectoryURL = URL(fileURLWithPath: repository.root)
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
    #expect(
      String(decoding: stderr, as: UTF8.self).contains("cannot write to standard output"))
  }

  @Test func aClosedPipeIsAnErrorNotASignal() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let process = Process()
    process.executableURL = RenderBinary.url
    process.arguments = ["preview", "prod"]
    process.currentDirectoryURL = URL(fileURLWithPath: repository.root)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try output.fileHandleForReading.close()
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 1)
  }
}
