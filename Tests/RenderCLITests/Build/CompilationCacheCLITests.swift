import Foundation
import Testing

/// `.render-cache/` end to end: a warm cache answers only for the inputs it was built from.
@Suite struct CompilationCacheCLITests {
  @Test func editedInputIsCompiledAgainDespiteAWarmCache() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    _ = try repository.seed()
    #expect(try repository.list().contains(".render-cache"))
    let warm = try repository.render("build", "--check")
    #expect(warm.status == 0, "\(warm.transcript)")
    let service = try repository.read("services/api/service.yaml")
    #expect(service.contains("port: 9090"))
    try repository.write(
      "services/api/service.yaml",
      service.replacingOccurrences(of: "port: 9090", with: "port: 9091"))
    let stale = try repository.render("build", "--check")
    #expect(stale.status == 1, "\(stale.transcript)")
    // Deleting the cache changes nothing but the time taken.
    try repository.remove(".render-cache")
    let cold = try repository.render("build", "--check")
    #expect(cold.status == 1, "\(cold.transcript)")
    #expect(cold.stderr == stale.stderr)
  }
}
