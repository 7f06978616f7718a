import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// The action installs the release `render --version` names by default, and the
/// workflow `render init` writes pins the same one: a release bumps all three at once.
@Suite struct ReleasePinTests {
  @Test func actionDefaultVersionIsRenderVersion() throws {
    let action = try String(
      contentsOfFile: PackageRoot.path + "/action.yml", encoding: .utf8)
    let lines = action.split(separator: "\n").map(String.init)
    let version = try #require(lines.firstIndex(of: "  version:"), "no version input")
    let defaultLine = lines[version...].first { $0.hasPrefix("    default:") }
    #expect(defaultLine == "    default: \"\(RenderVersion.current)\"")
  }

  @Test func initWorkflowPinsRenderVersion() {
    let workflow = ProjectSkeleton.files.first { $0.path == ".github/workflows/render.yml" }
    #expect(workflow?.contents.contains("RENDER_VERSION: \"\(RenderVersion.current)\"") == true)
    #expect(workflow?.contents.contains("OWNER/render@v\(RenderVersion.current)") == true)
  }
}
