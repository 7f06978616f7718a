import Foundation
import RenderKit
import Testing

/// Compares a reporter's output with its golden file in `Tests/Fixtures/reporters/`; a
/// mismatch records a unified diff, and `RECORD_SNAPSHOTS=1 swift test` writes the file
/// instead.
enum ReporterSnapshot {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reporters").path

  static func expect(
    _ actual: String, matches name: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let path = folder + "/" + name
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      // A recording run that changed something is never green.
      if FileManager.default.contents(atPath: path) != Data(actual.utf8) {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record(
          "re-recorded \(name); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "no golden file \(name) (RECORD_SNAPSHOTS=1 records it)", sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
      let diff = UnifiedDiff.diff(
        old: expected, new: actual, oldName: "golden/\(name)", newName: "actual/\(name)")
      Issue.record(
        """
        output differs from Tests/Fixtures/reporters/\(name) (RECORD_SNAPSHOTS=1 re-records):
        \(diff.isEmpty ? "(only the final newline differs)" : diff)
        """, sourceLocation: sourceLocation)
    }
  }
}
