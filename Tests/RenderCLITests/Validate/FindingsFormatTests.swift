import Foundation
import Testing

/// `--format` on build and validate: one machine-readable document on stdout, the
/// closing line on stderr.
@Suite struct FindingsFormatTests {
  func brokenShop() throws -> TemporaryRepository {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.replace(
      "version: 2.0.0", with: "version: latest", in: "services/web/service.yaml")
    return repository
  }

  @Test func validateJSONIsOneDocumentOnStdout() throws {
    let repository = try brokenShop()
    let result = try repository.render("validate", "--format", "json")
    #expect(result.status == 1, "\(result.transcript)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let findings = try #require(object?["findings"] as? [[String: Any]])
    #expect(
      findings.contains {
        $0["rule"] as? String == "image-tag" && $0["file"] as? String == "services/web/service.yaml"
      })
    #expect(!result.stderr.contains("error[image-tag]"))
  }

  @Test func buildGitHubPrintsWorkflowCommands() throws {
    let repository = try brokenShop()
    let result = try repository.render("build", "--format", "github")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.stdout.hasPrefix("::error file=services/web/service.yaml,line="), "\(result.stdout)")
    #expect(result.stderr == "render: nothing written: fix the errors above.\n")
    #expect(!repository.exists("rendered"))
  }

  @Test func sarifOnACleanRepositoryHasNoResults() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let result = try repository.render("build", "--format", "sarif")
    #expect(result.status == 0, "\(result.transcript)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    let runs = try #require(object?["runs"] as? [[String: Any]])
    #expect((runs.first?["results"] as? [Any])?.isEmpty == true)
    #expect(result.stderr.hasPrefix("render: wrote rendered/:"), "\(result.stderr)")
  }

  @Test func unknownFormatIsAUsageError() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let result = try repository.render("validate", "--format", "xml")
    #expect(result.status == 64, "\(result.transcript)")
  }
}
