import Testing

@testable import RenderKit

/// `flux:` in render.yaml: one Kustomization per environment and service, depending on
/// the environment's own.
@Suite struct FluxKustomizationTests {
  typealias Fixture = ReconcilerFixture

  @Test func writesOneKustomizationPerServiceAndEnvironment() async throws {
    let compilation = try await Fixture.compile()
    #expect(
      Fixture.reconcilerPaths(compilation).filter { $0.hasPrefix("_flux/") } == [
        "_flux/dev/kustomization-dev-checkout.yaml",
        "_flux/dev/kustomization-dev-environment.yaml",
        "_flux/dev/kustomization-dev-reports.yaml",
        "_flux/prod/kustomization-prod-checkout.yaml",
        "_flux/prod/kustomization-prod-environment.yaml",
      ])
  }

  @Test func serviceKustomization() async throws {
    let compilation = try await Fixture.compile()
    let path = "_flux/prod/kustomization-prod-checkout.yaml"
    #expect(
      try Fixture.body(compilation, path) == """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: prod-checkout
          namespace: flux-system
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: prod
            render/service: checkout
        spec:
          interval: 10m
          path: ./rendered/prod/checkout
          prune: true
          sourceRef:
            kind: GitRepository
            name: platform
          dependsOn:
          - name: prod-environment

        """)
    #expect(try Fixture.header(compilation, path).dropFirst().first == "# Source: render.yaml")
  }

  @Test func environmentKustomizationAndSourceNamespace() async throws {
    let compilation = try await Fixture.compile([
      "render.yaml": """
      flux:
        sourceRef: {kind: OCIRepository, name: platform, namespace: sources}
        namespace: flux

      """
    ])
    #expect(Fixture.summary(compilation.diagnostics.filter(\.isError)) == [])
    #expect(
      try Fixture.body(compilation, "_flux/dev/kustomization-dev-environment.yaml") == """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata:
          name: dev-environment
          namespace: flux
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: dev
        spec:
          interval: 5m
          path: ./rendered/dev/_environment
          prune: true
          sourceRef:
            kind: OCIRepository
            name: platform
            namespace: sources

        """)
    // Flux needs no cluster name: each cluster's Flux reads its own environment's folder.
    #expect(!Fixture.reconcilerPaths(compilation).contains { $0.hasPrefix("_argocd/") })
  }

  @Test func withoutEnvironmentResourcesThereIsNothingToDependOn() async throws {
    let compilation = try await Fixture.compile(["environments/base/resources/configmap.yaml": nil])
    let body = try Fixture.body(compilation, "_flux/prod/kustomization-prod-checkout.yaml")
    #expect(!body.contains("dependsOn"))
    let paths = Fixture.reconcilerPaths(compilation)
    #expect(!paths.contains("_flux/prod/kustomization-prod-environment.yaml"))
    #expect(!paths.contains("_argocd/prod/application-prod-environment.yaml"))
  }

  @Test func followsTheOutputFolder() async throws {
    let compilation = try await Fixture.compile([
      "render.yaml": "output: deploy/out\nflux: {sourceRef: {name: platform}}\n"
    ])
    #expect(compilation.tree.folder == "deploy/out")
    let body = try Fixture.body(compilation, "_flux/dev/kustomization-dev-checkout.yaml")
    #expect(body.contains("  path: ./deploy/out/dev/checkout\n"))
  }
}
