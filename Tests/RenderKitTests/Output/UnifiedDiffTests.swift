import Testing

@testable import RenderKit

@Suite struct UnifiedDiffTests {
  @Test func equalTextsGiveNoDiff() {
    #expect(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b") == "")
  }

  @Test func changeInTheMiddleHasContext() {
    let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(
      UnifiedDiff.diff(old: old, new: new, oldName: "old", newName: "new") == """
        --- old
        +++ new
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  @Test func separateChangesMakeSeparateHunks() {
    let old = (1...20).map { "l\($0)" }.joined(separator: "\n") + "\n"
    var new = old.replacingOccurrences(of: "l2\n", with: "")
    new = new.replacingOccurrences(of: "l18\n", with: "l18\nextra\n")
    let diff = UnifiedDiff.diff(old: old, new: new, oldName: "a", newName: "b")
    #expect(diff.contains("@@ -1,5 +1,4 @@\n l1\n-l2\n l3\n"))
    #expect(diff.contains("@@ -16,5 +15,6 @@\n l16\n l17\n l18\n+extra\n l19\n l20\n"))
  }

  @Test func additionsToEmptyFile() {
    #expect(
      UnifiedDiff.diff(old: "", new: "a\nb\n", oldName: "x", newName: "y")
        == "--- x\n+++ y\n@@ -0,0 +1,2 @@\n+a\n+b\n")
  }

  @Test func editsReproduceBothSides() {
    let old: [Substring] = ["a", "b", "c", "a", "b", "b", "a"]
    let new: [Substring] = ["c", "b", "a", "b", "a", "c"]
    let edits = UnifiedDiff.edits(old: old, new: new)
    let rebuiltOld = edits.compactMap { edit -> Substring? in
      switch edit {
      case .same(let line), .removed(let line): line
      case .added: nil
      }
    }
    let rebuiltNew = edits.compactMap { edit -> Substring? in
      switch edit {
      case .same(let line), .added(let line): line
      case .removed: nil
      }
    }
    #expect(rebuiltOld == old)
    #expect(rebuiltNew == new)
    #expect(edits.filter { if case .same = $0 { false } else { true } }.count == 5)
  }
}
