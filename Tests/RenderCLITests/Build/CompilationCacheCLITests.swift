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

  @Test func aVersionBumpCompilesOnlyThatServiceAndStoresTheResult() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    _ = try repository.seed()
    let service = try repository.read("services/api/service.yaml")
    try repository.write(
      "services/api/service.yaml",
      service.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1"))
    let bumped = try repository.render("build", "--profile")
    #expect(bumped.status == 0, "\(bumped.transcript)")
    #expect(bumped.stderr.contains("compile 1 changed services"), "\(bumped.transcript)")
    #expect(try repository.read("rendered/versions.yaml").contains("api:1.0.1"))
    // The entry written while the output was written answers the next run.
    let again = try repository.render("build", "--profile")
    #expect(again.stderr.contains("cache lookup"), "\(again.transcript)")
    #expect(!again.stderr.contains("changed services"), "\(again.transcript)")
    try Self.expectWhatACompileFromScratchWrites(repository)
  }

  /// `rendered/` is current for a build with no `.render-cache/`.
  static func expectWhatACompileFromScratchWrites(_ repository: TemporaryRepository) throws {
    try repository.remove(".render-cache")
    let cold = try repository.render("build", "--check")
    #expect(cold.status == 0, "\(cold.transcript)")
  }

  /// set-version compiles only the pinned service over the stored compile, and stores
  /// the result: the build after it is answered whole.
  @Test func setVersionCompilesOnlyThePinnedServiceAndTheBuildAfterItNothing() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    _ = try repository.seed()
    let pinned = try repository.render("set-version", "api", "1.0.5", "--env", "prod")
    #expect(pinned.status == 0, "\(pinned.transcript)")
    #expect(try repository.read("rendered/versions.yaml").contains("api:1.0.5"))
    let build = try repository.render("build", "--profile")
    #expect(build.status == 0, "\(build.transcript)")
    #expect(build.stderr.contains("cache lookup"), "\(build.transcript)")
    #expect(!build.stderr.contains("changed services"), "\(build.transcript)")
    #expect(build.stdout.contains("up to date"), "\(build.transcript)")
    try Self.expectWhatACompileFromScratchWrites(repository)
  }

  /// The same over a platform with inheritance (prod-eu follows prod's pins) and two
  /// pins at once: what set-version writes is what a build from scratch writes.
  @Test func setVersionOverTheStoredCompileWritesWhatACompileFromScratchWrites() throws {
    let pins = try VersionPinRepository()
    let result = try pins.render([
      "set-version", "checkout=1.15.0", "catalog=3.3.0", "--env", "prod", "--commit",
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(try pins.git(["status", "--porcelain"]) == "")
    try Self.expectWhatACompileFromScratchWrites(pins.repository)
  }

  /// A build that stops after its compile (a file render did not generate where it wants
  /// to write) still finishes writing the entries it started writing meanwhile: whole,
  /// with no temporary file left, and answering the next run.
  @Test func aBuildThatStopsAfterItsCompileStillStoresItWhole() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    _ = try repository.seed()
    let service = try repository.read("services/api/service.yaml")
    try repository.write(
      "services/api/service.yaml",
      service.replacingOccurrences(of: "port: 9090", with: "port: 9091"))
    try repository.write("rendered/dev/api/service-api.yaml", "hand-written\n")
    let stopped = try repository.render("build")
    #expect(stopped.status == 1, "\(stopped.transcript)")
    #expect(try repository.list(".render-cache").allSatisfy { !$0.contains(".tmp-") })
    try repository.remove("rendered/dev/api/service-api.yaml")
    let next = try repository.render("build", "--profile")
    #expect(next.stderr.contains("cache lookup"), "\(next.transcript)")
    #expect(!next.stderr.contains("changed services"), "\(next.transcript)")
  }

  @Test func validateFillsTheCacheAndNeverTrustsItAfterAnEdit() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let first = try repository.render("validate")
    #expect(first.status == 0, "\(first.transcript)")
    #expect(try repository.list().contains(".render-cache"))
    let warm = try repository.render("validate")
    #expect(warm.status == 0, "\(warm.transcript)")
    #expect(warm.stdout == first.stdout)
    let service = try repository.read("services/api/service.yaml")
    try repository.write(
      "services/api/service.yaml",
      service.replacingOccurrences(of: "port: 9090", with: "port: 70000"))
    let stale = try repository.render("validate")
    #expect(stale.status == 1, "\(stale.transcript)")
    #expect(stale.stderr.contains("70000"), "\(stale.transcript)")
  }

  @Test func checkReadsTheCacheButWritesNothing() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    _ = try repository.seed()
    try repository.remove(".render-cache")
    let check = try repository.render("build", "--check")
    #expect(check.status == 0, "\(check.transcript)")
    #expect(!(try repository.list().contains(".render-cache")))
  }

  /// `versions`, `explain` and `preview` answer from a warm cache as a compile would, and
  /// see an edit at once.
  @Test func interactiveCommandsOnAWarmCacheMatchACompileAndSeeEdits() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    let commands = [
      ["versions"], ["explain", "prod", "api"],
      ["explain", "prod", "api", "Deployment/api:spec.template.spec.containers[0].image"],
      ["preview", "prod", "api"], ["preview", "dev"],
    ]
    func outputs() throws -> [String] {
      try commands.map { arguments in
        let result = try repository.render(arguments)
        #expect(result.status == 0, "\(result.transcript)")
        return result.stdout + result.stderr
      }
    }
    let cold = try outputs()
    #expect(try repository.list(".render-cache").count >= 3)
    #expect(try outputs() == cold)
    let service = try repository.read("services/api/service.yaml")
    try repository.write(
      "services/api/service.yaml",
      service.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.7"))
    let edited = try outputs()
    try repository.remove(".render-cache")
    #expect(try outputs() == edited)
    for after in edited {
      #expect(after.contains("1.0.7"), "\(after)")
      #expect(!after.contains("1.0.0"), "\(after)")
    }
  }
}

extension CompilationCacheCLITests {
  /// On the example platform, `render explain ENV SERVICE` and `render preview ENV
  /// SERVICE` print the same cold (compiled, the cache filled) and warm (the cache's tree
  /// and a slice of the platform) for every environment and service. Both commands share
  /// one cache slot, so each runs once cold and once warm.
  @Test func explainAndPreviewOfEveryExampleServiceAreTheSameColdAndWarm() throws {
    let repository = try ExamplePlatformTests().copyOfTheExample()
    let environments = try repository.list("environments").filter {
      !(try repository.read("environments/\($0)/environment.yaml")).contains("abstract: true")
    }
    let services = try repository.list("services")
    try #require(environments.count > 1 && services.count > 1)
    func run(_ arguments: [String]) throws -> String {
      // A disabled service's preview fails, the same way cold and warm.
      let result = try repository.render(arguments)
      return "exit \(result.status)\n" + result.stdout + result.stderr
    }
    for environment in environments {
      for service in services {
        let explain = ["explain", environment, service]
        let preview = ["preview", environment, service]
        try? repository.remove(".render-cache")
        let coldExplain = try run(explain)
        #expect(try !repository.list(".render-cache").isEmpty)
        let warmPreview = try run(preview)
        try repository.remove(".render-cache")
        let coldPreview = try run(preview)
        let warmExplain = try run(explain)
        #expect(warmExplain == coldExplain, "\(environment) \(service)")
        #expect(warmPreview == coldPreview, "\(environment) \(service)")
      }
    }
  }
}
