import Testing

@testable import RenderKit

/// `--env` and `--service` own the matching reconciler files too: a filtered render
/// writes them, and only they count as stale when they are no longer produced.
@Suite struct ReconcilerFilterTests {
  typealias Fixture = ReconcilerFixture

  @Test func environmentFilter() async throws {
    let compilation = try await Fixture.compile(options: BuildOptions(environments: ["prod"]))
    #expect(
      Fixture.reconcilerPaths(compilation) == [
        "_argocd/prod/application-prod-checkout.yaml",
        "_argocd/prod/application-prod-environment.yaml",
        "_argocd/root-prod.yaml",
        "_flux/prod/kustomization-prod-checkout.yaml",
        "_flux/prod/kustomization-prod-environment.yaml",
      ])
    let tree = compilation.tree
    #expect(tree.owns("_argocd/prod/application-prod-gone.yaml"))
    #expect(tree.owns("_argocd/root-prod.yaml"))
    #expect(tree.owns("_flux/prod/kustomization-prod-gone.yaml"))
    #expect(!tree.owns("_argocd/dev/application-dev-checkout.yaml"))
    #expect(!tree.owns("_argocd/root-dev.yaml"))
    #expect(!tree.owns("_flux/dev/kustomization-dev-checkout.yaml"))
  }

  @Test func serviceFilter() async throws {
    let compilation = try await Fixture.compile(options: BuildOptions(services: ["checkout"]))
    #expect(
      Fixture.reconcilerPaths(compilation) == [
        "_argocd/dev/application-dev-checkout.yaml",
        "_argocd/prod/application-prod-checkout.yaml",
        "_flux/dev/kustomization-dev-checkout.yaml",
        "_flux/prod/kustomization-prod-checkout.yaml",
      ])
    let tree = compilation.tree
    #expect(tree.owns("_argocd/prod/application-prod-checkout.yaml"))
    #expect(tree.owns("_flux/dev/kustomization-dev-checkout.yaml"))
    // The environment's other objects and the roots belong to broader renders.
    #expect(!tree.owns("_argocd/prod/application-prod-environment.yaml"))
    #expect(!tree.owns("_argocd/dev/application-dev-reports.yaml"))
    #expect(!tree.owns("_argocd/root-prod.yaml"))
    #expect(!tree.owns("_flux/prod/kustomization-prod-environment.yaml"))
  }

  @Test func environmentAndServiceFilter() async throws {
    let compilation = try await Fixture.compile(
      options: BuildOptions(environments: ["dev"], services: ["reports"]))
    #expect(
      Fixture.reconcilerPaths(compilation) == [
        "_argocd/dev/application-dev-reports.yaml",
        "_flux/dev/kustomization-dev-reports.yaml",
      ])
    #expect(compilation.tree.owns("_argocd/dev/application-dev-reports.yaml"))
    #expect(!compilation.tree.owns("_argocd/prod/application-prod-reports.yaml"))
  }

  @Test func filteredFilesMatchTheFullRender() async throws {
    let full = try await Fixture.compile()
    let filtered = try await Fixture.compile(options: BuildOptions(environments: ["dev"]))
    let reconcilerFiles = filtered.tree.files.filter { $0.path.hasPrefix("_") }
    #expect(reconcilerFiles.count == 7)
    for file in reconcilerFiles {
      #expect(full.tree.files.first { $0.path == file.path } == file, "\(file.path)")
    }
  }

  @Test func unfilteredRenderOwnsEverything() async throws {
    let compilation = try await Fixture.compile(["render.yaml": nil])
    // Settings removed: every earlier reconciler file is stale and goes.
    #expect(compilation.tree.owns("_argocd/root-prod.yaml"))
    #expect(compilation.tree.owns("_flux/dev/kustomization-dev-checkout.yaml"))
  }

  @Test func ownedPrefixes() {
    #expect(
      ReconcilerPlanner.ownedPrefixes(environments: ["prod"], services: []) == [
        "_argocd/prod/", "_argocd/root-prod.yaml", "_flux/prod/",
      ])
    #expect(
      ReconcilerPlanner.ownedPrefixes(environments: ["prod"], services: ["a", "b"]) == [
        "_argocd/prod/application-prod-a.yaml", "_flux/prod/kustomization-prod-a.yaml",
        "_argocd/prod/application-prod-b.yaml", "_flux/prod/kustomization-prod-b.yaml",
      ])
  }
}
