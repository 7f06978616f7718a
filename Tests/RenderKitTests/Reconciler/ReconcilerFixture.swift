import Foundation
import TestSupport
import Testing

@testable import RenderKit

/// In-memory platforms for the reconciler tests: inline YAML by path, compiled through
/// the whole pipeline with the CRDs the repository ships in `crds/`.
enum ReconcilerFixture {

  static let applicationCRDPath = "crds/application-argoproj-io.yaml"
  static let kustomizationCRDPath = "crds/kustomization-kustomize-toolkit-fluxcd-io.yaml"
  static let applicationSetCRDPath = "crds/applicationset-argoproj-io.yaml"

  /// The shipped CRD files, by repository path.
  static func shippedCRDs() throws -> [String: String] {
    var files: [String: String] = [:]
    for path in [applicationCRDPath, kustomizationCRDPath, applicationSetCRDPath] {
      files[path] = try String(contentsOfFile: PackageRoot.path + "/" + path, encoding: .utf8)
    }
    return files
  }

  /// A template with a ConfigMap, services `checkout` and `reports` (disabled in prod),
  /// an abstract `base` with a resource, and `prod` (cluster `prod-eu-1`, mapped in
  /// `argocd.clusters`) and `dev` (cluster `dev-1`, not mapped) inheriting it.
  static let platform: [String: String] = [
    "render.yaml": """
    argocd:
      repoURL: https://git.example.com/platform.git
      targetRevision: main
      project: shop
      clusters:
        prod-eu-1: https://prod.k8s.example.com
    flux:
      sourceRef: {kind: GitRepository, name: platform}
      interval: 10m

    """,
    "templates/web/template.yaml": """
    parameters:
      port: {type: integer, default: 8080}

    """,
    "templates/web/configmap.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ${ service.name }
      labels:
        app.kubernetes.io/name: ${ service.name }
    data:
      port: "${ values.port }"

    """,
    "services/checkout/service.yaml": """
    template: web
    image: ghcr.io/acme/checkout
    version: 1.4.2

    """,
    "services/reports/service.yaml": """
    template: web
    image: ghcr.io/acme/reports
    version: 0.3.0

    """,
    "environments/base/environment.yaml": """
    abstract: true

    """,
    "environments/base/resources/configmap.yaml": """
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: shared
      labels:
        app.kubernetes.io/name: shared
    data: {region: eu}

    """,
    "environments/prod/environment.yaml": """
    inherits: base
    namespace: shop-prod
    cluster: prod-eu-1
    services:
      reports: {enabled: false}

    """,
    "environments/dev/environment.yaml": """
    inherits: base
    namespace: shop-dev
    cluster: dev-1

    """,
  ]

  /// `files` on top of `platform` and the shipped CRDs; a `nil` value removes a file.
  static func repository(_ files: [String: String?] = [:], crds: Bool = true) throws -> Repository {
    var base = platform
    if crds {
      for (path, text) in try shippedCRDs() { base[path] = text }
    }
    return RepositoryFixture.repository(files, base: base)
  }

  static func compile(
    _ files: [String: String?] = [:], crds: Bool = true, options: BuildOptions = BuildOptions()
  ) async throws -> Compilation {
    try await Compiler.compile(
      repository(files, crds: crds), options: options, schema: bundledSchema)
  }

  /// A generated file without its header comment.
  static func body(_ compilation: Compilation, _ path: String) throws -> String {
    let file = try #require(
      compilation.tree.files.first { $0.path == path }, "no \(path) in the tree")
    let text = String(decoding: file.contents, as: UTF8.self)
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .drop { $0.hasPrefix("# ") }.joined(separator: "\n")
  }

  /// The header comment of a generated file.
  static func header(_ compilation: Compilation, _ path: String) throws -> [String] {
    let file = try #require(
      compilation.tree.files.first { $0.path == path }, "no \(path) in the tree")
    return String(decoding: file.contents, as: UTF8.self).split(separator: "\n")
      .prefix { $0.hasPrefix("# ") }.map(String.init)
  }

  /// The reconciler files of the tree (`_argocd/`, `_flux/`).
  static func reconcilerPaths(_ compilation: Compilation) -> [String] {
    compilation.tree.files.map(\.path).filter { $0.hasPrefix("_argocd/") || $0.hasPrefix("_flux/") }
  }

  /// `file:line:column: rule: message` of every finding, for compact expectations.
  static func summary(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map {
      "\($0.location.testPath):\($0.location.line):\($0.location.column): \($0.rule): \($0.message)"
    }
  }
}
