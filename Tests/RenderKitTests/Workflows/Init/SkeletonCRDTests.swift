import Testing

@testable import RenderKit

/// `render init --argocd/--flux` writes copies of the repository's CRDs; they must not
/// drift from the files in `crds/`.
@Suite struct SkeletonCRDTests {
  @Test func embeddedCRDsEqualTheRepositoryFiles() throws {
    let shipped = try ReconcilerFixture.shippedCRDs()
    #expect(shipped[ReconcilerFixture.applicationCRDPath] == ProjectSkeleton.applicationCRD)
    #expect(shipped[ReconcilerFixture.applicationSetCRDPath] == ProjectSkeleton.applicationSetCRD)
    #expect(shipped[ReconcilerFixture.kustomizationCRDPath] == ProjectSkeleton.kustomizationCRD)
  }

  @Test func reconcilerSkeletonsAddSettingsAndCRDs() {
    let plain = Set(ProjectSkeleton.files.map(\.path))
    let both = ProjectSkeleton.files(argoCD: true, flux: true)
    #expect(
      Set(both.map(\.path)).subtracting(plain) == [
        "crds/application-argoproj-io.yaml", "crds/applicationset-argoproj-io.yaml",
        "crds/kustomization-kustomize-toolkit-fluxcd-io.yaml",
      ])
    let settings = both.first { $0.path == "render.yaml" }?.contents ?? ""
    #expect(settings.contains("\nargocd:\n  repoURL: "))
    #expect(settings.contains("\nflux:\n  sourceRef: "))
    #expect(!settings.contains("# argocd:"), "the commented example stays out")
    #expect(both.map(\.path) == both.map(\.path).sorted())
    let fluxOnly = ProjectSkeleton.files(argoCD: false, flux: true)
    #expect(!fluxOnly.contains { $0.path == "crds/application-argoproj-io.yaml" })
  }
}
