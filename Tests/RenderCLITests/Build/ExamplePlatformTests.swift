import Foundation
import TestSupport
import Testing

/// The example platform at the root of this repository, built in a copy: its committed
/// `rendered/` must be exactly what a build writes (the CI check, end to end).
@Suite struct ExamplePlatformTests {
  /// The example's inputs and its committed output, copied into a fresh repository.
  func copyOfTheExample() throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    for entry in ["render.yaml", "templates", "services", "environments", "crds", "rendered"] {
      if FileManager.default.fileExists(atPath: PackageRoot.path + "/" + entry) {
        try repository.copyFromPackage(entry)
      }
    }
    return repository
  }

  @Test func committedTreeIsCurrent() throws {
    let repository = try copyOfTheExample()
    let committed = try repository.snapshot().files
    try #require(committed.count > 100, "the example's rendered/ was not found")

    let check = try repository.render("build", "--check")
    #expect(check.status == 0, "\(check.transcript)")
    #expect(check.errors == [], "\(check.stderr)")
    #expect(check.stdout == "render: rendered/ is current (\(committed.count) files)\n")

    let build = try repository.render("build")
    #expect(build.status == 0, "\(build.transcript)")
    #expect(build.errors == [], "\(build.stderr)")
    #expect(build.stdout == "render: rendered/ is up to date (\(committed.count) files)\n")
    let built = try repository.snapshot().files
    #expect(built.keys.sorted() == committed.keys.sorted())
    for (path, bytes) in committed where built[path] != bytes {
      Issue.record("rendered/\(path) differs from the committed file")
    }
  }

  @Test func buildFromScratchReproducesTheCommittedTree() throws {
    let repository = try copyOfTheExample()
    let committed = try repository.snapshot().files
    try #require(committed.count > 100, "the example's rendered/ was not found")
    try repository.remove("rendered")

    let build = try repository.render("build")
    #expect(build.status == 0, "\(build.transcript)")
    #expect(build.errors == [], "\(build.stderr)")
    #expect(build.stdout == "render: wrote rendered/: \(committed.count) added, 0 unchanged\n")
    let built = try repository.snapshot().files
    #expect(built.keys.sorted() == committed.keys.sorted())
    for (path, bytes) in committed where built[path] != bytes {
      Issue.record("rendered/\(path) differs from the committed file")
    }
    let check = try repository.render("build", "--check")
    #expect(check.status == 0, "\(check.transcript)")
  }
}
