import Foundation
import RenderKit
import TestSupport
import Testing

/// Renders every fixture repository under Tests/Fixtures/golden/, and the example
/// platform at the package root, and compares the result with its committed
/// `rendered/` tree. A mismatch prints a unified diff; `RECORD_SNAPSHOTS=1 swift test`
/// writes the trees instead.
@Suite struct GoldenFixtureTests {

  static var fixtures: [String] {
    let folder = PackageRoot.path + "/Tests/Fixtures/golden"
    // A missing folder must not quietly leave only the example platform to test.
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [
        "(missing Tests/Fixtures/golden)"
      ]
    return ["(example platform)"] + names.sorted().filter { !$0.hasPrefix(".") }
  }

  static func path(of fixture: String) -> String {
    fixture == "(example platform)"
      ? PackageRoot.path : PackageRoot.path + "/Tests/Fixtures/golden/" + fixture
  }

  @Test(arguments: fixtures)
  func rendersAsRecorded(_ fixture: String) async throws {
    let root = Self.path(of: fixture)
    let (repository, loadDiagnostics) = RepositoryLoader(root: root).load()
    #expect(loadDiagnostics.isEmpty, "\(loadDiagnostics)")
    let compilation = await Compiler.compile(repository, schema: bundledSchema)
    let errors = compilation.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(RepositoryFixture.lines(errors, in: repository.fileNames))")
    guard errors.isEmpty else { return }

    let writer = TreeWriter(outputPath: root + "/" + compilation.tree.folder)
    let existing = try ExistingTree.scan(writer.outputPath)
    let diff = OutputDrift(
      tree: compilation.tree, existing: existing, fileNames: repository.fileNames)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
      // A recording run that changed something is never green.
      if !diff.isClean {
        try writer.write(diff, existing: existing)
        Issue.record("re-recorded fixture '\(fixture)'; run again without RECORD_SNAPSHOTS")
      }
      return
    }
    var report = ""
    for file in diff.added { report += "missing: \(compilation.tree.displayPath(file.path))\n" }
    for path in diff.stale { report += "stale: \(compilation.tree.displayPath(path))\n" }
    for update in diff.updated {
      report += UnifiedDiff.diff(
        old: String(decoding: update.old, as: UTF8.self),
        new: String(decoding: update.new, as: UTF8.self),
        oldName: "recorded/\(update.path)", newName: "rendered/\(update.path)")
    }
    #expect(
      diff.isClean && diff.conflicts.isEmpty,
      "fixture '\(fixture)' renders differently from its recorded tree (RECORD_SNAPSHOTS=1 re-records):\n\(report)"
    )
  }
}
