import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `render diff`: rendered/ on disk against a fresh render, and `--base` against the
/// render of another commit, on temporary git repositories.
@Suite struct DiffTests {
  /// The shop fixture, built and committed.
  static func builtShop(platformFolder: String? = nil) throws -> GitScratchRepository {
    let repository = try GitScratchRepository(Fixture.shop, platformFolder: platformFolder)
    try repository.build()
    try repository.commit("shop")
    return repository
  }

  @Test func anInputChangeShowsItsHunkAndSummaryAndWritesNothing() throws {
    let repository = try Self.builtShop()
    try repository.replace(
      "replicas: 3", with: "replicas: 4", in: "environments/prod/environment.yaml")
    let before = try repository.read("rendered/prod/api/deployment-api.yaml")

    let result = try repository.render("diff")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(
      result.stdout.contains(
        """
        --- a/rendered/prod/api/deployment-api.yaml
        +++ b/rendered/prod/api/deployment-api.yaml
        """))
    #expect(result.stdout.contains("-  replicas: 3\n+  replicas: 4\n"))
    #expect(result.stdout.contains("render diff: rendered/ on disk -> fresh render"))
    #expect(result.stdout.contains("  prod         api          +1      -1  1 changed\n"))
    #expect(result.stdout.contains("  prod         web          +1      -1  1 changed\n"))
    #expect(result.stdout.contains("  2 files (2 changed), +2 -2 lines\n"))
    #expect(!result.stdout.contains("dev/"))
    #expect(!result.stdout.contains("\u{1B}["))
    #expect(try repository.read("rendered/prod/api/deployment-api.yaml") == before)
  }

  @Test func exitCodeIsOneOnlyWhenThereIsADifference() throws {
    let repository = try Self.builtShop()
    let clean = try repository.render("diff", "--exit-code")
    #expect(clean.status == 0, "\(clean.transcript)")
    #expect(clean.stdout == "render diff: rendered/ on disk -> fresh render: no differences\n")

    try repository.replace(
      "version: 2.0.0", with: "version: 2.1.0", in: "services/web/service.yaml")
    #expect(try repository.render("diff").status == 0)
    let changed = try repository.render("diff", "--exit-code")
    #expect(changed.status == 1, "\(changed.transcript)")
    #expect(changed.stdout.contains("+  web: ghcr.io/acme/web:2.1.0"))
  }

  @Test func addedAndRemovedFilesAndFilters() throws {
    let repository = try Self.builtShop()
    try repository.write([
      "services/cart/service.yaml": "template: web\nimage: ghcr.io/acme/cart\nversion: 0.1.0\n"
    ])
    try FileManager.default.removeItem(atPath: repository.root + "/services/api")

    let result = try repository.render("diff", "--env", "dev")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(result.stdout.contains("--- /dev/null\n+++ b/rendered/dev/cart/deployment-cart.yaml\n"))
    #expect(result.stdout.contains("--- a/rendered/dev/api/service-api.yaml\n+++ /dev/null\n"))
    #expect(result.stdout.contains("  dev          api           "))
    #expect(result.stdout.contains("2 removed"))
    #expect(!result.stdout.contains("rendered/prod/"))
  }

  @Test func baseComparesWithThePreviousCommitAndRemovesItsWorktree() throws {
    let repository = try Self.builtShop()
    try repository.replace(
      "version: 1.0.0", with: "version: 1.1.0", in: "services/api/service.yaml")
    try repository.commit("api 1.1.0")

    let result = try repository.render("diff", "--base", "HEAD~1", "--exit-code")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.stdout.contains(
        "-        image: ghcr.io/acme/api:1.0.0\n+        image: ghcr.io/acme/api:1.1.0\n"))
    #expect(
      result.stdout.contains("-  api: ghcr.io/acme/api:1.0.0\n+  api: ghcr.io/acme/api:1.1.0\n"))
    #expect(result.stdout.contains("render diff: HEAD~1 ("))
    #expect(result.stdout.contains(") -> working tree\n"))
    #expect(result.stdout.contains("  dev          api                +1      -1  1 changed\n"))
    // Only the main worktree is left, and nothing in the temp folder.
    #expect(try repository.worktrees() == [repository.top])
    #expect(try repository.temporaryLeftovers() == [])

    let same = try repository.render("diff", "--base", "HEAD", "--exit-code")
    #expect(same.status == 0, "\(same.transcript)")
    #expect(same.stdout.hasSuffix("-> working tree: no differences\n"))
  }

  @Test func baseWorksWhenThePlatformIsInASubfolder() throws {
    let repository = try Self.builtShop(platformFolder: "deploy/platform")
    try repository.replace(
      "replicas: 3", with: "replicas: 5", in: "environments/prod/environment.yaml")

    let result = try repository.render("diff", "--base", "main", "--service", "web")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(result.stdout.contains("--- a/rendered/prod/web/deployment-web.yaml\n"))
    #expect(result.stdout.contains("+  replicas: 5\n"))
    #expect(!result.stdout.contains("prod/api"))
    #expect(try repository.worktrees() == [repository.top])
  }

  @Test func anInterruptedBaseRenderRemovesItsWorktree() throws {
    // Enough services that the base render takes a while after the checkout.
    let repository = try GitScratchRepository(Fixture.manyServices(60))
    try repository.build()
    try repository.commit("many services")
    let temporary = try DirectoryWatch(repository.temporary)
    let running = try repository.start("diff", "--base", "HEAD")
    // The checkout folder appears once the interrupt handling is in place: render makes
    // render-base-XXXXXX in its TMPDIR, then the worktree's `tree` inside it.
    var checkedOut = false
    let container = { temporary.entries().first { $0.hasPrefix("render-base-") } }
    if temporary.wait(until: { !running.isRunning }, { container() != nil }),
      let name = container(),
      let inside = try? DirectoryWatch(repository.temporary + "/" + name)
    {
      checkedOut = inside.wait(for: "tree", until: { !running.isRunning })
    }
    if checkedOut { kill(running.process.processIdentifier, SIGINT) }
    let result = try running.finish()
    #expect(try repository.worktrees() == [repository.top])
    #expect(try repository.temporaryLeftovers() == [])
    // The render may finish before the interrupt lands; then nothing was interrupted.
    guard checkedOut && result.status != 0 else {
      #if compiler(>=6.3)
        try Test.cancel("the base render finished before it could be interrupted")
      #else
        Issue.record("the base render finished before it could be interrupted")
        return
      #endif
    }
    #expect(result.status == 130, "\(result.transcript)")
    #expect(result.stderr.contains("render: interrupted; the temporary worktree was removed"))
  }

  @Test func anUnknownBaseIsAUsageError() throws {
    let repository = try Self.builtShop()
    let result = try repository.render("diff", "--base", "no-such-branch")
    #expect(result.status == 64, "\(result.transcript)")
    #expect(result.stderr.contains("'no-such-branch' is not a commit, branch or tag"))
    #expect(try repository.worktrees() == [repository.top])
  }

  @Test func aBaseThatDoesNotRenderIsNotedAndStillCompared() throws {
    let repository = try Self.builtShop()
    try repository.write([
      "services/web/service.yaml":
        "template: web\nimage: ghcr.io/acme/web\nversion: 2.0.0\nreplicas: 2\n"
    ])
    try repository.commit("broken")
    try repository.write([
      "services/web/service.yaml": "template: web\nimage: ghcr.io/acme/web\nversion: 2.0.0\n"
    ])

    let result = try repository.render("diff", "--base", "HEAD")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(result.stderr.contains("render: note: The render of HEAD ("))
    #expect(result.stderr.contains("its side of the diff may be incomplete"))
    #expect(try repository.worktrees() == [repository.top])
  }

  @Test func aWorkingTreeThatDoesNotRenderFails() throws {
    let repository = try Self.builtShop()
    try repository.write([
      "services/web/service.yaml":
        "template: web\nimage: ghcr.io/acme/web\nversion: 2.0.0\nreplicas: 2\n"
    ])
    let result = try repository.render("diff", "--base", "HEAD")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(result.stderr.contains("unknown key 'replicas'"))
    #expect(result.stderr.contains("render: nothing to compare: fix the errors above."))
    #expect(result.stdout.isEmpty)
  }

  @Test func markdownForAPullRequestComment() throws {
    let repository = try Self.builtShop()
    try repository.replace(
      "version: 1.0.0", with: "version: 1.1.0", in: "services/api/service.yaml")
    try repository.commit("api 1.1.0")

    let result = try repository.render("diff", "--base", "HEAD~1", "--format", "markdown")
    #expect(result.status == 0, "\(result.transcript)")
    #expect(result.stdout.hasPrefix("### render diff: `HEAD~1 ("))
    #expect(result.stdout.contains("| environment | service | +lines | -lines | files |\n"))
    #expect(result.stdout.contains("| dev | api | +1 | -1 | 1 changed |\n"))
    #expect(result.stdout.contains("| (all) | versions.yaml | +2 | -2 | 1 changed |\n"))
    #expect(
      result.stdout.contains(
        "<details>\n<summary><code>prod/api</code>: +1 -1 (1 changed)</summary>\n\n```diff\n--- a/rendered/prod/api/deployment-api.yaml\n"
      ))
    #expect(result.stdout.contains("```\n\n</details>\n"))
  }

  @Test func diffIsInTheHelp() throws {
    let result = try RenderBinary.run(["diff", "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("render diff --base origin/main"))
  }
}
