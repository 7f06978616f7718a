import Foundation
import Testing

/// `--help` examples stay whole on an 80-column terminal (issue 13): every line of an
/// Examples block is a command (or the continuation of one ending in `\`), never the
/// wrapped tail of a long one.
@Suite struct HelpExamplesTests {
  static let commands = [
    [], ["build"], ["validate"], ["preview"], ["explain"], ["diff"], ["versions"],
    ["history"], ["set-version"], ["promote"], ["init"],
  ]

  @Test(arguments: commands)
  func examplesDoNotWrap(_ command: [String]) throws {
    let result = try RenderBinary.run(command + ["--help"], environment: ["COLUMNS": "80"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    guard let start = lines.firstIndex(of: "Examples:") else { return }
    var continued = false
    for line in lines[(start + 1)...] {
      if line.isEmpty || line.hasPrefix("USAGE") { break }
      let isCommand = ["  render ", "  git ", "  cd "].contains { line.hasPrefix($0) }
      #expect(
        isCommand || (continued && line.hasPrefix("    ")),
        "render \(command.joined(separator: " ")) --help: example line wrapped: '\(line)'")
      continued = line.hasSuffix("\\")
    }
  }
}
