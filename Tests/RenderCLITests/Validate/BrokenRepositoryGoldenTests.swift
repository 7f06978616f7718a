import Foundation
import TestSupport
import Testing

/// The exact findings `render validate` prints for the broken repositories of
/// `Tests/Fixtures/broken/`, text and JSON, byte for byte (`RECORD_SNAPSHOTS=1`
/// re-records them). Each repository is copied first: render may write its cache.
@Suite struct BrokenRepositoryGoldenTests {
  static let repositories = ["load", "render", "validate"]

  func validate(_ name: String, format: String) throws -> RenderBinary.Result {
    let folder = try TemporaryFolder(prefix: "render-broken")
    let root = folder.path + "/" + name
    try FileManager.default.copyItem(atPath: PackageRoot.fixture("broken/" + name), toPath: root)
    return try RenderBinary.run(["validate", "--root", root, "--format", format])
  }

  @Test(arguments: repositories)
  func textFindingsAreAsRecorded(_ name: String) throws {
    let result = try validate(name, format: "text")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stdout == "")
    try GoldenFile.expect(result.stderr, matches: "Tests/Fixtures/broken/\(name).txt")
  }

  @Test(arguments: repositories)
  func jsonFindingsAreAsRecorded(_ name: String) throws {
    let result = try validate(name, format: "json")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stderr == "")
    try GoldenFile.expect(result.stdout, matches: "Tests/Fixtures/broken/\(name).json")
  }
}
