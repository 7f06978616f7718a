import TestSupport
import Testing

@testable import RenderKit

/// `argocd:` in render.yaml: one Application per environment and service, one for the
/// environment's own resources, and an app-of-apps root per environment.
@Suite struct ArgoCDApplicationTests {
  typealias Fixture = ReconcilerFixture

  @Test func writesOneApplicationPerServiceAndEnvironmentWithARoot() async throws {
    let compilation = try await Fixture.compile()
    #expect(Fixture.summary(compilation.diagnostics.filter(\.isError)) == [])
    #expect(
      Fixture.reconcilerPaths(compilation).filter { $0.hasPrefix("_argocd/") } == [
        "_argocd/dev/application-dev-checkout.yaml",
        "_argocd/dev/application-dev-environment.yaml",
        "_argocd/dev/application-dev-reports.yaml",
        // reports is disabled in prod: no folder, no Application.
        "_argocd/prod/application-prod-checkout.yaml",
        "_argocd/prod/application-prod-environment.yaml",
        "_argocd/root-dev.yaml",
        "_argocd/root-prod.yaml",
      ])
  }

  @Test func serviceApplication() async throws {
    let compilation = try await Fixture.compile()
    let path = "_argocd/prod/application-prod-checkout.yaml"
    #expect(
      try Fixture.body(compilation, path) == """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: prod-checkout
          namespace: argocd
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: prod
            render/service: checkout
          annotations:
            argocd.argoproj.io/manifest-generate-paths: .
          finalizers:
          - resources-finalizer.argocd.argoproj.io
        spec:
          project: shop
          source:
            repoURL: https://git.example.com/platform.git
            targetRevision: main
            path: rendered/prod/checkout
          destination:
            server: https://prod.k8s.example.com
            namespace: shop-prod
          syncPolicy:
            automated:
              prune: true
              selfHeal: true

        """)
    let header = try Fixture.header(compilation, path)
    #expect(header.count == 4)
    #expect(
      header.first == GeneratedHeader.marker
        + " Do not edit: change the inputs and run `render build`.")
    #expect(header.dropFirst().first == "# Source: render.yaml")
    #expect(
      header.dropFirst(2).first
        == "# Inputs: environments/base/environment.yaml, environments/prod/environment.yaml")
  }

  @Test func environmentApplicationComesFirstInSyncWaves() async throws {
    let compilation = try await Fixture.compile()
    #expect(
      try Fixture.body(compilation, "_argocd/dev/application-dev-environment.yaml") == """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: dev-environment
          namespace: argocd
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: dev
          annotations:
            argocd.argoproj.io/sync-wave: "-1"
            argocd.argoproj.io/manifest-generate-paths: .
          finalizers:
          - resources-finalizer.argocd.argoproj.io
        spec:
          project: shop
          source:
            repoURL: https://git.example.com/platform.git
            targetRevision: main
            path: rendered/dev/_environment
          destination:
            name: dev-1
            namespace: shop-dev
          syncPolicy:
            automated:
              prune: true
              selfHeal: true

        """)
  }

  @Test func rootPointsAtTheEnvironmentsApplications() async throws {
    let compilation = try await Fixture.compile()
    #expect(
      try Fixture.body(compilation, "_argocd/root-prod.yaml") == """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: root-prod
          namespace: argocd
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: prod
        spec:
          project: shop
          source:
            repoURL: https://git.example.com/platform.git
            targetRevision: main
            path: rendered/_argocd/prod
          destination:
            server: https://kubernetes.default.svc
            namespace: argocd
          syncPolicy:
            automated:
              prune: true
              selfHeal: true

        """)
  }

  @Test func clusterByServerWhenMappedElseByName() async throws {
    let compilation = try await Fixture.compile()
    let prod = try Fixture.body(compilation, "_argocd/prod/application-prod-checkout.yaml")
    let dev = try Fixture.body(compilation, "_argocd/dev/application-dev-checkout.yaml")
    #expect(prod.contains("  destination:\n    server: https://prod.k8s.example.com\n"))
    #expect(!prod.contains("name: prod-eu-1"))
    #expect(dev.contains("  destination:\n    name: dev-1\n    namespace: shop-dev\n"))
    #expect(!dev.contains("server:"))
  }

  @Test func defaultsAndServiceNamespace() async throws {
    let compilation = try await Fixture.compile([
      "render.yaml": "argocd: {repoURL: https://git.example.com/platform.git}\n",
      "environments/dev/checkout.yaml": "namespace: checkout-dev\n",
    ])
    // The namespace policy rule objects to a service outside the environment's namespace;
    // that is not what this test is about.
    #expect(
      Fixture.summary(compilation.diagnostics.filter { $0.isError && $0.rule != "namespace" }) == []
    )
    let body = try Fixture.body(compilation, "_argocd/dev/application-dev-checkout.yaml")
    #expect(body.contains("  namespace: argocd\n"))
    #expect(body.contains("  project: default\n"))
    #expect(body.contains("    targetRevision: HEAD\n"))
    // A service override's namespace is where the service's resources go.
    #expect(body.contains("    name: dev-1\n    namespace: checkout-dev\n"))
  }

  @Test func environmentWithoutClusterIsAnError() async throws {
    let compilation = try await Fixture.compile([
      "environments/dev/environment.yaml": "inherits: base\nnamespace: shop-dev\n"
    ])
    #expect(
      Fixture.summary(compilation.diagnostics.filter(\.isError)) == [
        "environments/dev/environment.yaml:1:1: input: environment 'dev' has no 'cluster', which Argo CD Applications need as their destination"
      ])
    #expect(!Fixture.reconcilerPaths(compilation).contains { $0.hasPrefix("_argocd/dev/") })
  }

  @Test func clashingNamesAreAnError() async throws {
    // prod + eu-checkout and prod-eu + checkout both make 'prod-eu-checkout'.
    let compilation = try await Fixture.compile([
      "services/eu-checkout/service.yaml":
        "template: web\nimage: ghcr.io/acme/eu\nversion: 1.0.0\n",
      "environments/prod-eu/environment.yaml":
        "inherits: base\nnamespace: shop-eu\ncluster: prod-eu-1\n",
    ])
    let clashes = compilation.diagnostics.filter { $0.rule == "unique" }
    #expect(
      clashes.map(\.message) == [
        "Application 'prod-eu-checkout' in namespace 'argocd' is generated for both service 'eu-checkout' in environment 'prod' and service 'checkout' in environment 'prod-eu'; one would replace the other",
        "Kustomization 'prod-eu-checkout' in namespace 'flux-system' is generated for both service 'eu-checkout' in environment 'prod' and service 'checkout' in environment 'prod-eu'; one would replace the other",
      ])
    #expect(clashes.allSatisfy { $0.location.testPath == "render.yaml" })
  }

  @Test func outputIsDeterministic() async throws {
    let first = try await Fixture.compile()
    let second = try await Fixture.compile()
    #expect(first.tree.files == second.tree.files)
  }

  @Test func noReconcilerSettingsNoFiles() async throws {
    let compilation = try await Fixture.compile(["render.yaml": nil])
    #expect(Fixture.reconcilerPaths(compilation) == [])
    #expect(compilation.diagnostics.filter(\.isError).isEmpty)
  }
}
