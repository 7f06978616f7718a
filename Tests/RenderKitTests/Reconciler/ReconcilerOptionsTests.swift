import TestSupport
import Testing

@testable import RenderKit

/// What render.yaml can change in the reconciler output (issue 13): Argo CD's sync
/// policy, project per environment, manifest-generate-paths, ApplicationSets, the
/// namespace warning; Flux's prune, wait, timeout, dependsOn and bootstrap folder.
@Suite struct ReconcilerOptionsTests {
  typealias Fixture = ReconcilerFixture

  static func settings(argocd: String, flux: String = "") -> [String: String?] {
    ["render.yaml": "argocd:\n" + argocd + (flux.isEmpty ? "" : "flux:\n" + flux)]
  }

  static let base = """
      repoURL: https://git.example.com/platform.git
      targetRevision: main
      project: shop
      clusters:
        prod-eu-1: https://prod.k8s.example.com

    """

  @Test func syncPolicyIsWrittenAsConfigured() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base + """
            syncPolicy:
              automated: {prune: false, selfHeal: true}
              syncOptions: [CreateNamespace=true, ServerSideApply=true]
              retry: {limit: 5, backoff: {duration: 5s, factor: 2, maxDuration: 3m}}
            manifestGeneratePaths: false

          """))
    #expect(Fixture.summary(compilation.diagnostics) == [])
    #expect(
      try Fixture.body(compilation, "_argocd/prod/application-prod-checkout.yaml") == """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: prod-checkout
          namespace: argocd
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: prod
            render/service: checkout
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
              prune: false
              selfHeal: true
            syncOptions:
            - CreateNamespace=true
            - ServerSideApply=true
            retry:
              limit: 5
              backoff:
                duration: 5s
                factor: 2
                maxDuration: 3m

        """)
  }

  @Test func environmentHasItsOwnProjectAndSyncsByHand() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base + """
            syncPolicy: {syncOptions: [CreateNamespace=true]}
            environments:
              prod:
                project: shop-prod
                syncPolicy: {automated: false}

          """))
    #expect(Fixture.summary(compilation.diagnostics) == [])
    let prod = try Fixture.body(compilation, "_argocd/prod/application-prod-checkout.yaml")
    #expect(prod.contains("  project: shop-prod\n"))
    // `automated` replaced; the top level's syncOptions kept.
    #expect(prod.hasSuffix("  syncPolicy:\n    syncOptions:\n    - CreateNamespace=true\n"))
    let dev = try Fixture.body(compilation, "_argocd/dev/application-dev-checkout.yaml")
    #expect(dev.contains("  project: shop\n"))
    #expect(dev.contains("    automated:\n      prune: true\n      selfHeal: true\n"))
  }

  @Test func applicationSetReplacesTheServicesApplications() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base + """
            applicationSet: true
            syncPolicy: {syncOptions: [CreateNamespace=true]}

          """))
    #expect(Fixture.summary(compilation.diagnostics) == [])
    #expect(
      Fixture.reconcilerPaths(compilation).filter { $0.hasPrefix("_argocd/") } == [
        "_argocd/dev/application-dev-environment.yaml",
        "_argocd/dev/applicationset-dev.yaml",
        "_argocd/prod/application-prod-environment.yaml",
        "_argocd/prod/applicationset-prod.yaml",
        "_argocd/root-dev.yaml",
        "_argocd/root-prod.yaml",
      ])
    #expect(
      try Fixture.body(compilation, "_argocd/prod/applicationset-prod.yaml") == """
        apiVersion: argoproj.io/v1alpha1
        kind: ApplicationSet
        metadata:
          name: prod
          namespace: argocd
          labels:
            app.kubernetes.io/managed-by: render
            render/environment: prod
        spec:
          goTemplate: true
          goTemplateOptions:
          - missingkey=error
          generators:
          - git:
              repoURL: https://git.example.com/platform.git
              revision: main
              directories:
              - path: rendered/prod/*
              - path: rendered/prod/_environment
                exclude: true
          template:
            metadata:
              name: prod-{{.path.basename}}
              labels:
                app.kubernetes.io/managed-by: render
                render/environment: prod
                render/service: "{{.path.basename}}"
              annotations:
                argocd.argoproj.io/manifest-generate-paths: .
              finalizers:
              - resources-finalizer.argocd.argoproj.io
            spec:
              project: shop
              source:
                repoURL: https://git.example.com/platform.git
                targetRevision: main
                path: "{{.path.path}}"
              destination:
                server: https://prod.k8s.example.com
                namespace: shop-prod
              syncPolicy:
                automated:
                  prune: true
                  selfHeal: true
                syncOptions:
                - CreateNamespace=true

        """)
  }

  @Test func namespaceNothingCreatesIsAWarning() async throws {
    let compilation = try await Fixture.compile()
    #expect(
      Fixture.summary(compilation.diagnostics.filter { $0.rule == "namespace" }) == [
        "environments/dev/environment.yaml:2:12: namespace: Argo CD deploys environment 'dev' into namespace 'shop-dev', which nothing creates: it renders no Namespace 'shop-dev' and the sync options lack CreateNamespace=true",
        "environments/prod/environment.yaml:2:12: namespace: Argo CD deploys environment 'prod' into namespace 'shop-prod', which nothing creates: it renders no Namespace 'shop-prod' and the sync options lack CreateNamespace=true",
      ])
    #expect(compilation.diagnostics.filter { $0.rule == "namespace" }.allSatisfy { !$0.isError })
  }

  @Test func renderedNamespaceOrCreateNamespaceSilencesTheWarning() async throws {
    let namespace: [String: String?] = [
      "environments/base/resources/namespace.yaml": """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: ${ env.namespace }
        labels: {app.kubernetes.io/name: namespace}

      """
    ]
    let withNamespace = try await Fixture.compile(namespace)
    #expect(Fixture.summary(withNamespace.diagnostics) == [])
    let withOption = try await Fixture.compile(
      Self.settings(argocd: Self.base + "  syncPolicy: {syncOptions: [CreateNamespace=true]}\n"))
    #expect(Fixture.summary(withOption.diagnostics) == [])
  }

  @Test func badSettingsPointAtTheirLineInRenderYAML() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base + """
            syncPolicy:
              automated: {prune: true, selfheal: true}
              syncOptions: [CreateNamespaces=true, ServerSideApply=yes, Replace]
              retry: {limit: 2, backoff: {duration: 5 seconds}}
            environments:
              prd: {project: shop-prod}

          """))
    #expect(
      Fixture.summary(compilation.diagnostics.filter(\.isError)) == [
        "render.yaml:8:30: input: unknown key 'selfheal' in 'automated' of 'argocd.syncPolicy' in render.yaml; did you mean 'selfHeal'?",
        "render.yaml:9:19: input: sync option 'CreateNamespaces=true' in 'argocd.syncPolicy' in render.yaml is not an option Argo CD knows; did you mean 'CreateNamespace'?",
        "render.yaml:9:42: input: sync option 'ServerSideApply=yes' in 'argocd.syncPolicy' in render.yaml has an unknown value: ServerSideApply takes true or false",
        "render.yaml:9:63: input: sync option 'Replace' in 'argocd.syncPolicy' in render.yaml is not of the form Name=value",
        "render.yaml:10:43: input: 'retry.backoff.duration' of 'argocd.syncPolicy' in render.yaml must be a duration such as 5s, 3m or 1h30m, not '5 seconds'",
        "render.yaml:12:5: input: 'argocd.environments' in render.yaml names environment 'prd', which does not exist; did you mean 'prod'?",
      ])
  }

  @Test func fluxOptionsAreWritten() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base,
        flux: """
            sourceRef: {kind: GitRepository, name: platform}
            prune: false
            wait: true
            timeout: 3m
            retryInterval: 1m
            dependsOn: [infrastructure, flux-system/policies]

          """))
    #expect(Fixture.summary(compilation.diagnostics.filter(\.isError)) == [])
    #expect(
      try Fixture.body(compilation, "_flux/prod/kustomization-prod-checkout.yaml") == """
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
          interval: 5m
          path: ./rendered/prod/checkout
          prune: false
          sourceRef:
            kind: GitRepository
            name: platform
          wait: true
          timeout: 3m
          retryInterval: 1m
          dependsOn:
          - name: prod-environment
          - name: infrastructure
          - name: policies
            namespace: flux-system

        """)
  }

  @Test func badFluxOptionsAreErrors() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base,
        flux: """
            sourceRef: {name: platform}
            timeout: soon
            dependsOn: [Infra_Structure]
            bootstrapFolder: flux/system

          """))
    #expect(
      Fixture.summary(compilation.diagnostics.filter(\.isError)) == [
        "render.yaml:10:15: input: 'dependsOn' in 'flux' in render.yaml names 'Infra_Structure', which is not a Kustomization name or namespace/name",
        "render.yaml:11:20: input: 'bootstrapFolder' in 'flux' in render.yaml must be one folder name, not 'flux/system'",
        // The Kustomization CRD's pattern, at the line that set the value (after the input
        // errors, which come first).
        "render.yaml:9:12: schema: 'timeout' (\"soon\") does not match the pattern ^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$",
      ])
  }

  @Test func fluxBootstrapFolderIsLeftAloneWithoutWarnings() async throws {
    let compilation = try await Fixture.compile()
    #expect(
      compilation.tree.foreignPrefixes == ["_flux/dev/flux-system/", "_flux/prod/flux-system/"])
    var existing: [String: ExistingTree.Entry] = [:]
    for file in compilation.tree.files { existing[file.path] = .file(file.contents) }
    existing["_flux/prod/flux-system/gotk-sync.yaml"] = .file(Array("kind: Kustomization\n".utf8))
    existing["_flux/prod/notes.yaml"] = .file(Array("hand written\n".utf8))
    let diff = OutputDrift(
      tree: compilation.tree, existing: ExistingTree(entries: existing, exists: true),
      fileNames: testFiles)
    #expect(diff.handWritten == ["_flux/prod/notes.yaml"])
    #expect(diff.stale == [])
  }

  @Test func fluxEnvironmentReplacesTopLevelKeys() async throws {
    let compilation = try await Fixture.compile(
      Self.settings(
        argocd: Self.base,
        flux: """
            sourceRef: {kind: GitRepository, name: platform}
            dependsOn: [infrastructure]
            environments:
              prod: {interval: 1h, wait: true, dependsOn: [prod-infrastructure]}
              prd: {wait: true}

          """))
    #expect(
      Fixture.summary(compilation.diagnostics.filter(\.isError)) == [
        "render.yaml:12:5: input: 'flux.environments' in render.yaml names environment 'prd', which does not exist; did you mean 'prod'?"
      ])
    let prod = try Fixture.body(compilation, "_flux/prod/kustomization-prod-checkout.yaml")
    #expect(prod.contains("  interval: 1h\n"))
    #expect(prod.contains("  wait: true\n"))
    #expect(
      prod.hasSuffix("  dependsOn:\n  - name: prod-environment\n  - name: prod-infrastructure\n"))
    let dev = try Fixture.body(compilation, "_flux/dev/kustomization-dev-checkout.yaml")
    #expect(dev.contains("  interval: 5m\n"))
    #expect(!dev.contains("wait:"))
    #expect(dev.hasSuffix("  dependsOn:\n  - name: dev-environment\n  - name: infrastructure\n"))
  }
}
