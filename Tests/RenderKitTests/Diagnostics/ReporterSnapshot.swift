import TestSupport
import Testing

/// Compares a reporter's output with its golden file in `Tests/Fixtures/reporters/`
/// (`RECORD_SNAPSHOTS=1 swift test` re-records it).
enum ReporterSnapshot {
  static func expect(
    _ actual: String, matches name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    try GoldenFile.expect(
      actual, matches: "Tests/Fixtures/reporters/" + name, sourceLocation: sourceLocation)
  }
}
