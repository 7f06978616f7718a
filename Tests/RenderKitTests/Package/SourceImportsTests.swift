import Foundation
import Testing

/// What the shipped code may link. Foundation (with ICU) costs every command 3.5 ms of
/// start-up, a tenth of a small build; render uses the standard library, Dispatch,
/// Synchronization and POSIX instead (tests may use Foundation).
@Suite struct SourceImportsTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources")

  @Test func noSourceImportsFoundation() throws {
    let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path))
      .compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    #expect(files.count > 100)
    var offenders: [String] = []
    for file in files {
      let text = try String(
        contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") {
        // `import Foundation`, `internal import FoundationEssentials`, `@_exported import`...
        let words = line.split(separator: " ")
        guard let importWord = words.firstIndex(of: "import"),
          words.first?.hasPrefix("//") == false,
          importWord + 1 < words.count, words[importWord + 1].hasPrefix("Foundation")
        else { continue }
        offenders.append("\(file): \(line)")
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }
}
