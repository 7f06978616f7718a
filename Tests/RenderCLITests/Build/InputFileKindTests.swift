import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 10 item 3 and issue 15, end to end: no input file is skipped without a word,
/// `.yml` and `.json` manifests render, and a special file is an error, never a hang.
@Suite struct InputFileKindTests {
  private static let limits = """
    {"apiVersion": "v1", "kind": "LimitRange",
     "metadata": {"name": "limits", "labels": {"app.kubernetes.io/name": "limits"}},
     "spec": {"limits": [{"type": "Container", "default": {"memory": "128Mi"}}]}}

    """

  @Test func jsonAndYmlResourcesAreRendered() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write("environments/base/resources/limits.json", Self.limits)
    try repository.move(
      "environments/base/resources/quota.yaml", to: "environments/base/resources/quota.yml")
    let result = try repository.render("build")
    #expect(result.status == 0, "\(result.transcript)")
    let files = try repository.files()
    #expect(files.contains("dev/_environment/limitrange-limits.yaml"), "\(files)")
    #expect(files.contains("prod/_environment/resourcequota-quota.yaml"), "\(files)")
    #expect(
      try repository.read("rendered/dev/_environment/limitrange-limits.yaml").contains(
        "# Source: environments/base/resources/limits.json"))
  }

  @Test func aFIFOAmongTheInputsIsAnErrorNotAHang() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.seed()
    #expect(mkfifo(repository.absolute("services/api/notes.yaml"), 0o644) == 0)
    let before = try repository.snapshot()
    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "services/api/notes.yaml:1:1: error[input]: 'services/api/notes.yaml' is a FIFO (named pipe), not a file or folder; render reads only files and folders"
      ], "\(result.stderr)")
    #expect(try repository.snapshot() == before)
  }

  @Test func anOutputOfDotIsALocatedErrorAndWritesNothing() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.write("render.yaml", "output: .\n")
    let before = try repository.list()
    let result = try repository.render("build")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "render.yaml:1:9: error[input]: the output folder must be a folder inside the repository, not '.'"
      ], "\(result.stderr)")
    #expect(try repository.list() == before)
  }
}
