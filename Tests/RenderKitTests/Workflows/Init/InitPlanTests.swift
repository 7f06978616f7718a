import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// `render init`'s plan, decided before anything is written.
@Suite struct InitPlanTests {
  static let files = ProjectSkeleton.files(argoCD: false, flux: false)

  @Test func anEmptyFolderGetsEveryFileAndNothingIsWrittenByPlanning() throws {
    let folder = try TemporaryFolder(prefix: "render-init")
    let root = folder.path
    let plan = try InitPlan.plan(root: root, files: Self.files)
    #expect(plan.writes.map(\.path) == Self.files.map(\.path))
    #expect(plan.writes.allSatisfy { !$0.replaces })
    #expect(plan.conflicts.isEmpty && plan.kept.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
  }

  @Test func existingFilesAreConflictsExceptTheMergeableOnes() throws {
    let folder = try TemporaryFolder(prefix: "render-init")
    let root = folder.path
    try "own\n".write(toFile: root + "/README.md", atomically: true, encoding: .utf8)
    try "*.log\n".write(toFile: root + "/.gitignore", atomically: true, encoding: .utf8)
    try "x".write(toFile: root + "/render.yaml", atomically: true, encoding: .utf8)
    // A file where the skeleton needs a folder blocks everything under it, once.
    try "x".write(toFile: root + "/templates", atomically: true, encoding: .utf8)
    let plan = try InitPlan.plan(root: root, files: Self.files)
    #expect(plan.kept == ["README.md"])
    #expect(plan.writes.first { $0.path == ".gitignore" }?.replaces == true)
    #expect(plan.writes.first { $0.path == ".gitignore" }?.contents.hasPrefix("*.log\n") == true)
    #expect(plan.conflicts.sorted() == ["render.yaml", "templates"])
    #expect(throws: WorkflowError.self) { try plan.checkConflicts() }
    #expect(plan.report.contains("kept    \(root)/README.md (it exists)\n"))
  }

  @Test func aFileGivenAsTheFolderIsAUsageError() throws {
    let folder = try TemporaryFolder(prefix: "render-init")
    let root = folder.path
    try "x".write(toFile: root + "/file", atomically: true, encoding: .utf8)
    #expect {
      _ = try InitPlan.plan(root: root + "/file", files: Self.files)
    } throws: { error in
      guard case WorkflowError.usage(let message) = error else { return false }
      return message.hasSuffix("exists and is not a folder")
    }
    #expect(InitPlan.root(of: "platform/") == "platform")
    #expect(InitPlan.root(of: "/") == "/")
  }
}
