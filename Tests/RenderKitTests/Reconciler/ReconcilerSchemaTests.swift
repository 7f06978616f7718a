import TestSupport
import Testing

@testable import RenderKit

/// The Application and Kustomization CRDs shipped in `crds/`: they load, the generated
/// objects pass them, and they catch what Argo CD and Flux would reject or drop.
@Suite struct ReconcilerSchemaTests {
  typealias Fixture = ReconcilerFixture

  static func schema() throws -> KubernetesSchema {
    let crds = try Fixture.shippedCRDs().sorted { $0.key < $1.key }.map { path, text in
      try #require(try YAMLParser.parse(text, file: path, fileNames: testFiles).first)
    }
    let added = bundledSchema.adding(crds: crds)
    #expect(Fixture.summary(added.diagnostics) == [])
    return added.schema
  }

  /// `line:column: message` of each schema finding for `yaml`.
  static func findings(_ yaml: String) throws -> [String] {
    let body = try #require(
      try YAMLParser.parse(yaml, file: "object.yaml", fileNames: testFiles).first)
    let resource = Resource(
      body: body, service: nil, environment: "prod", source: testFiles.start(of: "object.yaml"))
    return try schema().validate(resource, renderedPath: "rendered/object.yaml").map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
  }

  @Test func shippedCRDsLoad() throws {
    let schema = try Self.schema()
    #expect(schema.hasSchema(apiVersion: "argoproj.io/v1alpha1", kind: "Application"))
    #expect(schema.hasSchema(apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization"))
  }

  @Test func generatedObjectsValidate() async throws {
    let compilation = try await Fixture.compile()
    #expect(Fixture.summary(compilation.diagnostics.filter { $0.rule == "schema" }) == [])
    #expect(Fixture.reconcilerPaths(compilation).count == 12)
  }

  @Test func withoutTheCRDsRenderCannotCheckThem() async throws {
    let compilation = try await Fixture.compile(crds: false)
    let findings = compilation.diagnostics.filter { $0.rule == "schema" }
    #expect(
      Set(findings.map(\.message)) == [
        "no schema for Application in argoproj.io/v1alpha1: render cannot check it",
        "no schema for Kustomization in kustomize.toolkit.fluxcd.io/v1: render cannot check it",
      ])
    #expect(findings.allSatisfy { $0.help?.contains("crds/") == true })
    // uncheckedGroups is the way out without the CRDs.
    let unchecked = try await Fixture.compile(
      [
        "render.yaml": (Fixture.platform["render.yaml"] ?? "")
          + "uncheckedGroups: [argoproj.io, kustomize.toolkit.fluxcd.io]\n"
      ], crds: false)
    #expect(Fixture.summary(unchecked.diagnostics.filter(\.isError)) == [])
  }

  @Test func badSettingValuesAreReportedInRenderYAML() async throws {
    let compilation = try await Fixture.compile([
      "render.yaml": """
      flux:
        sourceRef: {kind: GitRepositry, name: platform}
        interval: 5 minutes

      """
    ])
    let findings = compilation.diagnostics.filter { $0.rule == "schema" }
    // Found in every generated Kustomization, reported once at the line that set it.
    #expect(findings.map(\.location.testPath) == ["render.yaml", "render.yaml"], "\(findings)")
    #expect(findings.map(\.location.line) == [2, 3])
    #expect(findings.first?.message.contains("GitRepository") == true)
    #expect(compilation.hasErrors)
  }

  @Test func typoInAnApplicationIsAnError() throws {
    let findings = try Self.findings(
      """
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata: {name: web, namespace: argocd}
      spec:
        project: default
        source: {repoURL: https://git.example.com/a.git, path: web}
        destination: {name: prod, namespace: web}
        syncPolicy:
          automated: {prun: true, selfHeal: true}
      """)
    #expect(findings.count == 1, "\(findings)")
    #expect(findings.first?.hasPrefix("9:17: unknown field 'prun'") == true, "\(findings)")
    #expect(findings.first?.contains("'prune'") == true, "\(findings)")
  }

  @Test func typoInAKustomizationIsAnError() throws {
    let findings = try Self.findings(
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: web, namespace: flux-system}
      spec:
        interval: 5m
        prune: true
        sourceRef: {kind: GitRepository, name: platform}
        dependOn: [{name: infra}]
      """)
    #expect(findings.count == 1, "\(findings)")
    #expect(findings.first?.hasPrefix("8:3: unknown field 'dependOn'") == true, "\(findings)")
    #expect(findings.first?.contains("'dependsOn'") == true, "\(findings)")
  }

  @Test func missingRequiredFieldsAreErrors() throws {
    let findings = try Self.findings(
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: web, namespace: flux-system}
      spec:
        path: ./web
      """)
    #expect(findings.count == 3, "\(findings)")
    for field in ["interval", "prune", "sourceRef"] {
      #expect(findings.contains { $0.contains("'\(field)'") }, "\(findings)")
    }
  }

  @Test func documentedApplicationFieldsAreAccepted() throws {
    #expect(
      try Self.findings(
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: web
          namespace: argocd
          finalizers: [resources-finalizer.argocd.argoproj.io]
        spec:
          project: shop
          sources:
          - repoURL: https://charts.example.com
            chart: web
            targetRevision: 1.2.3
            helm:
              releaseName: web
              valueFiles: [$values/web/values.yaml]
              valuesObject: {replicaCount: 2, ingress: {enabled: true}}
              parameters: [{name: image.tag, value: "1.0", forceString: true}]
          - repoURL: https://git.example.com/values.git
            targetRevision: main
            ref: values
          - repoURL: https://git.example.com/k.git
            path: overlays/prod
            kustomize:
              namePrefix: prod-
              images: [ghcr.io/acme/web:1.0.0]
              commonLabels: {team: web}
              patches:
              - target: {kind: Deployment, name: web}
                patch: '[{"op": "replace", "path": "/spec/replicas", "value": 3}]'
          - repoURL: https://git.example.com/d.git
            path: plain
            directory: {recurse: true, exclude: '{*.md}', jsonnet: {tlas: [{name: a, value: b, code: false}]}}
          destination: {server: https://kubernetes.default.svc, namespace: web}
          syncPolicy:
            automated: {prune: true, selfHeal: true, allowEmpty: false}
            syncOptions: [CreateNamespace=true, ServerSideApply=true]
            retry:
              limit: 5
              backoff: {duration: 5s, factor: 2, maxDuration: 3m}
            managedNamespaceMetadata: {labels: {team: web}}
          ignoreDifferences:
          - group: apps
            kind: Deployment
            jsonPointers: [/spec/replicas]
          - kind: Secret
            jqPathExpressions: [.data.token]
            managedFieldsManagers: [kube-controller-manager]
          revisionHistoryLimit: 5
          info:
          - {name: docs, value: https://docs.example.com/web}
        """) == [])
  }

  @Test func documentedKustomizationFieldsAreAccepted() throws {
    #expect(
      try Self.findings(
        """
        apiVersion: kustomize.toolkit.fluxcd.io/v1
        kind: Kustomization
        metadata: {name: web, namespace: flux-system}
        spec:
          interval: 1h30m
          retryInterval: 1m
          timeout: 3m
          path: ./rendered/prod/web
          prune: true
          sourceRef: {kind: GitRepository, name: platform, namespace: flux-system}
          targetNamespace: web
          dependsOn: [{name: infra, namespace: flux-system}]
          wait: false
          force: false
          suspend: false
          healthChecks:
          - {apiVersion: apps/v1, kind: Deployment, name: web, namespace: web}
          patches:
          - target: {kind: Deployment, labelSelector: app=web}
            patch: |
              - op: add
                path: /spec/template/spec/priorityClassName
                value: high
          postBuild:
            substitute: {cluster: prod}
            substituteFrom: [{kind: ConfigMap, name: vars, optional: true}]
          images: [{name: web, newTag: 1.2.3}]
          commonMetadata: {labels: {team: web}}
          decryption: {provider: sops, secretRef: {name: sops-age}}
        """) == [])
  }

  @Test func durationsFollowTheDocumentedPattern() throws {
    let findings = try Self.findings(
      """
      apiVersion: kustomize.toolkit.fluxcd.io/v1
      kind: Kustomization
      metadata: {name: web, namespace: flux-system}
      spec:
        interval: 5 minutes
        prune: true
        sourceRef: {kind: GitRepository, name: platform}
      """)
    #expect(findings.count == 1, "\(findings)")
    #expect(findings.first?.hasPrefix("5:13:") == true, "\(findings)")
  }
}
