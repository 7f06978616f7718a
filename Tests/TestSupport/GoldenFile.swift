import Foundation
import RenderKit
import Testing

/// Compares text with a golden file of the package, byte for byte. A mismatch
/// records a unified diff; `RECORD_SNAPSHOTS=1 swift test` writes the file instead (and
/// fails, so a recording run that changed something is never green).
public enum GoldenFile {
  public static var recording: Bool {
    ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
  }

  /// - Parameter relative: the golden file's path below the package root, e.g.
  ///   `Tests/Fixtures/reporters/text.txt` or `docs/rules.md`.
  public static func expect(
    _ actual: String, matches relative: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let path = PackageRoot.path + "/" + relative
    if recording {
      if FileManager.default.contents(atPath: path) != Data(actual.utf8) {
        try FileManager.default.createDirectory(
          atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
          withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record(
          "re-recorded \(relative); run again without RECORD_SNAPSHOTS",
          sourceLocation: sourceLocation)
      }
      return
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      Issue.record(
        "no golden file \(relative) (RECORD_SNAPSHOTS=1 records it)",
        sourceLocation: sourceLocation)
      return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if actual != expected {
      let diff = UnifiedDiff.diff(
        old: expected, new: actual, oldName: relative, newName: "actual")
      Issue.record(
        """
        output differs from \(relative) (RECORD_SNAPSHOTS=1 re-records):
        \(diff.isEmpty ? "(only the final newline differs)" : diff)
        """, sourceLocation: sourceLocation)
    }
  }
}
