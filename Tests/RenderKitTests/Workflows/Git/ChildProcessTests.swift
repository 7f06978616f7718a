import Testing

@testable import RenderKit

/// The process runner git goes through: output, exit statuses, environment, and pipes
/// that fill up on both sides at once.
@Suite struct ChildProcessTests {
  func shell(_ script: String, environment: [String: String] = [:]) throws -> ChildProcess.Output {
    try ChildProcess.run("sh", arguments: ["-c", script], environment: environment)
  }

  @Test func collectsBothOutputsAndTheStatus() throws {
    let output = try shell("echo out; echo err >&2; exit 3")
    #expect(output.status == 3)
    #expect(output.stdout == Array("out\n".utf8))
    #expect(output.stderr == Array("err\n".utf8))
  }

  /// Each output is larger than a pipe holds; reading one to its end before the other
  /// would leave both processes waiting.
  @Test func largeOutputsOnBothPipesDoNotBlock() throws {
    let output = try shell(
      "i=0; while [ $i -lt 4000 ]; do echo 0123456789012345678901234567890123456789; "
        + "echo abcdefghijabcdefghijabcdefghijabcdefghij >&2; i=$((i+1)); done")
    #expect(output.status == 0)
    #expect(output.stdout.count == 4000 * 41)
    #expect(output.stderr.count == 4000 * 41)
  }

  @Test func aSignalIsReportedAs128PlusItsNumber() throws {
    let status = try shell("kill -TERM $$").status
    #expect(status == 128 + 15, "\(status)")
  }

  @Test func environmentIsInheritedWithOverrides() throws {
    let output = try shell(
      "echo \"$RENDER_CHILD_TEST:${PATH:+path}\"", environment: ["RENDER_CHILD_TEST": "set"])
    #expect(output.stdout == Array("set:path\n".utf8))
  }

  @Test func standardInputIsEmpty() throws {
    let output = try ChildProcess.run("cat", arguments: [], environment: [:])
    #expect(output.status == 0)
    #expect(output.stdout.isEmpty)
  }

  @Test func aMissingProgramIsAnError() {
    #expect(throws: ChildProcess.SpawnError.self) {
      try ChildProcess.run("render-no-such-program", arguments: [], environment: [:])
    }
  }
}
