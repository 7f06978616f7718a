import TestSupport
import Testing

@testable import RenderKit

@Suite struct DriftReportTests {
  private let tree = OutputFixture.tree([
    OutputFixture.file("prod/web/configmap-a.yaml", "a: 1\nb: 2\nc: 3\n"),
    OutputFixture.file("prod/web/configmap-new.yaml", "n: 1\n"),
    OutputFixture.file("prod/web/configmap-edited.yaml", "e: 1\n"),
    OutputFixture.file("prod/web/configmap-same.yaml", "s: 1\n"),
  ])

  private var existing: ExistingTree {
    ExistingTree(
      entries: [
        "prod/web/configmap-a.yaml": .file(OutputFixture.generated("a: 1\nb: 0\nc: 3\n")),
        "prod/web/configmap-edited.yaml": .file(OutputFixture.handEdited("e: 1\n")),
        "prod/web/configmap-same.yaml": .file(OutputFixture.generated("s: 1\n")),
        "prod/web/configmap-gone.yaml": .file(OutputFixture.generated("g: 1\n")),
      ], exists: true)
  }

  @Test func everyDifferenceIsOneFindingAtItsFile() {
    let findings = DriftReport.findings(
      OutputDrift(tree: tree, existing: existing, fileNames: testFiles), tree: tree,
      fileNames: testFiles)
    // The header is three lines here (no inputs). The checksum line always differs when
    // the body does, so the finding points at the first body line that differs: `b:`, line
    // 5. The hand-edited file differs by its added line 5.
    #expect(
      RepositoryFixture.lines(findings, in: testFiles) == [
        "rendered/prod/web/configmap-a.yaml:5:1: rendered/prod/web/configmap-a.yaml is out of date",
        "rendered/prod/web/configmap-edited.yaml:5:1: rendered/prod/web/configmap-edited.yaml was edited by hand (it no longer matches its checksum)",
        "rendered/prod/web/configmap-gone.yaml:1:1: rendered/prod/web/configmap-gone.yaml is stale: nothing renders it any more",
        "rendered/prod/web/configmap-new.yaml:1:1: rendered/prod/web/configmap-new.yaml is missing",
      ])
    #expect(findings.allSatisfy { $0.rule == "output" && $0.severity == .error })
    #expect(findings[1].help == "change the inputs instead; `render build` will overwrite the edit")
  }

  @Test func theSummariesCountEachKind() {
    let diff = OutputDrift(tree: tree, existing: existing, fileNames: testFiles)
    #expect(
      DriftReport.summary(diff, tree: tree)
        == "render: rendered/ differs from a fresh render: 1 out of date, 1 edited by hand, 1 missing, 1 stale; run `render build` and commit the result\n"
    )
    #expect(
      DriftReport.buildSummary(diff, tree: tree)
        == "render: wrote rendered/: 1 added, 2 updated, 1 removed, 1 unchanged\n")
  }

  @Test func aCleanTreeIsUpToDate() {
    let clean = ExistingTree(
      entries: Dictionary(uniqueKeysWithValues: tree.files.map { ($0.path, .file($0.contents)) }),
      exists: true)
    let diff = OutputDrift(tree: tree, existing: clean, fileNames: testFiles)
    #expect(DriftReport.findings(diff, tree: tree, fileNames: testFiles).isEmpty)
    #expect(
      DriftReport.buildSummary(diff, tree: tree) == "render: rendered/ is up to date (4 files)\n")
  }

  @Test func theFirstDifferentLine() {
    #expect(
      DriftReport.firstDifferentLine(Array("a\nb\nc\n".utf8), Array("a\nb\nx\n".utf8)) == 3)
    #expect(DriftReport.firstDifferentLine(Array("a\n".utf8), Array("b\n".utf8)) == 1)
    // The header is skipped: its checksum changes with any change to the body.
    #expect(
      DriftReport.firstDifferentLine(
        OutputFixture.generated("a: 1\nb: 1\n"), OutputFixture.generated("a: 1\nb: 2\n")) == 5)
    // One is a prefix of the other: the difference is where the shorter one ends.
    #expect(
      DriftReport.firstDifferentLine(Array("a\nb\n".utf8), Array("a\nb\nc\n".utf8)) == 3)
  }
}
