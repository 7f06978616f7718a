import Foundation
import TestSupport
import Testing
import YAML

@testable import RenderKit

/// `render explain` and `render preview` on a warm `.render-cache/` answer from a
/// `ServiceSlice` (the service resolved and rendered from a platform parsed without the
/// other services' folders) and from the cached tree. Neither may differ from what the
/// full compile of a cold run gives: for every environment and service of the example
/// platform, every value's layers, every rendered field's value, expression, patch and
/// history, and every previewed byte.
@Suite struct SliceAgreesWithCompileTests {
  /// A copy of the example platform's inputs in a scratch folder (deleted by the caller).
  static func copyOfTheExample() throws -> String {
    let root = try TemporaryFolder.make(prefix: "render-slice")
    for entry in ["render.yaml", "templates", "services", "environments", "crds"]
    where FileManager.default.fileExists(atPath: PackageRoot.path + "/" + entry) {
      try FileManager.default.copyItem(
        atPath: PackageRoot.path + "/" + entry, toPath: root + "/" + entry)
    }
    return root
  }

  /// The resource's paths to every scalar, empty mapping and empty list, as
  /// `Kind/name:field` targets; keys `FieldPath` cannot spell are left out.
  static func targets(of resource: Resource) -> [String] {
    ExplainAgreesWithBuildTests.leaves(resource.body).compactMap { field, _ in
      let spellable = !field.contains {
        if case .key(let key) = $0 { key.contains("\"") || key.contains("]") } else { false }
      }
      return spellable ? "\(resource.kind)/\(resource.name):\(field.dottedPath)" : nil
    }
  }

  /// `explanation` as `render explain ENV SERVICE FIELD` prints it, or its error.
  static func text(
    _ explanation: Result<FieldExplanation, FieldPathError>, fileNames: SourceFileNames
  ) -> String {
    switch explanation {
    case .success(let explanation): ExplainReport.field(explanation, fileNames: fileNames)
    case .failure(let problem): "error: \(problem.description)"
    }
  }

  /// The bytes `render preview ENV SERVICE` prints from, per output path.
  static func preview(_ tree: OutputTree, environment: String, service: String) -> [String: [UInt8]]
  {
    let prefix = "\(environment)/\(service)/"
    return Dictionary(
      tree.files.filter { $0.path.hasPrefix(prefix) }.map { ($0.path, $0.contents) },
      uniquingKeysWith: { first, _ in first })
  }

  /// Runs `render explain`'s and `render preview`'s RenderKit paths cold and warm for
  /// one environment and service of the repository at `root` and expects them to agree;
  /// returns how many fields and files were compared.
  static func compare(
    root: String, environment: String, service: String, schema: KubernetesSchema
  ) async throws -> (fields: Int, files: Int) {
    var checked = (fields: 0, files: 0)
    // As the CLI runs `render explain ENV SERVICE` and `render preview ENV SERVICE`:
    // a cold run compiles (and fills the cache), a warm one is answered from it.
    let loaded = try LoadedRepository.load(
      root: root, environments: [environment], services: [service])
    let cache = CompilationCache(root: root)
    let cold = await cache.compile(
      loaded, options: loaded.buildOptions(), schema: { schema }, build: "test",
      store: true)
    let full = try #require(cold.full, "\(environment) \(service): the cache was not cold")
    #expect(!full.hasErrors, "\(full.diagnostics.filter(\.isError).map(\.message))")
    let warm = await cache.compile(
      loaded, options: loaded.buildOptions(), schema: { schema }, build: "test")
    #expect(warm.isCached, "\(environment) \(service): the cache did not answer")

    // preview: the cached tree's bytes are the compiled tree's.
    let previewedCold = Self.preview(
      cold.compilation.tree, environment: environment, service: service)
    #expect(
      Self.preview(warm.compilation.tree, environment: environment, service: service)
        == previewedCold, "\(environment) \(service)")
    checked.files += previewedCold.count

    // explain without a field: the values and every layer that set them.
    let slice = await ServiceSlice.make(
      loaded, environment: environment, service: service, schema: schema)
    let compiled = try #require(full.services[environment]?[service])
    let sliced = try #require(slice.resolved, "\(environment) \(service) did not resolve")
    #expect(
      ExplainReport.values(sliced, fileNames: loaded.repository.fileNames)
        == ExplainReport.values(compiled, fileNames: loaded.repository.fileNames),
      "\(environment) \(service)")

    // explain with a field: every field of every resource, as the cold run explains it.
    let resources = (full.resources[environment] ?? []).filter { $0.service == service }
    #expect(
      slice.resources.map(\.body) == resources.map(\.body), "\(environment) \(service)")
    #expect(
      slice.resources.map(ResourcePath.path(for:)) == resources.map(ResourcePath.path(for:)),
      "\(environment) \(service)")
    let fromCompile = FieldExplainer(
      platform: full.platform, resolved: compiled, resources: resources)
    let fromSlice = FieldExplainer(
      platform: slice.platform, resolved: sliced, resources: slice.resources)
    for resource in resources {
      for target in Self.targets(of: resource) {
        let expected = Self.text(
          fromCompile.explain(target), fileNames: loaded.repository.fileNames)
        #expect(!expected.hasPrefix("error:"), "\(environment) \(target): \(expected)")
        #expect(
          Self.text(fromSlice.explain(target), fileNames: loaded.repository.fileNames) == expected,
          "\(environment) \(target)")
        checked.fields += 1
      }
    }
    return checked
  }

  @Test func explainAndPreviewOnAWarmCacheAreWhatACompileGives() async throws {
    let root = try Self.copyOfTheExample()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let schema = bundledSchema
    let platform = try LoadedRepository.load(root: root).parse().platform
    let environments = platform.environmentNames.filter {
      platform.environments[$0]?.isAbstract == false
    }
    try #require(environments.count > 1 && platform.serviceNames.count > 1)
    var fields = 0
    var previewed = 0
    for environment in environments {
      for service in platform.serviceNames {
        let checked = try await Self.compare(
          root: root, environment: environment, service: service, schema: schema)
        fields += checked.fields
        previewed += checked.files
      }
    }
    // The example platform renders hundreds of files: a walk that found nothing is broken.
    #expect(fields > 1_000)
    #expect(previewed > 100)
  }

  /// `api` reads a ConfigMap that `config` generates (its name gets a hash, and `api`'s
  /// reference follows it) and sums the ConfigMaps it references into its pod template
  /// (`checksumAnnotation`): what explain shows of `api` depends on `config`'s folder,
  /// which the slice does not parse unless it has to.
  static let crossServiceReference: [String: String] = [
    "render.yaml": "output: rendered\n",
    "environments/prod/environment.yaml": "namespace: shop\n",
    "templates/pod/template.yaml": "parameters: {}\n",
    "templates/pod/deployment.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: '${ service.name }'}
    spec:
      selector: {matchLabels: {app: '${ service.name }'}}
      template:
        metadata: {labels: {app: '${ service.name }'}}
        spec:
          containers:
            - name: app
              image: ghcr.io/acme/app:1.0.0
              envFrom: [{configMapRef: {name: shared-config}}]
    """,
    "services/api/service.yaml": "template: pod\nchecksumAnnotation: true\n",
    "services/config/service.yaml": """
    template: pod
    configMapGenerator:
      - name: shared-config
        literals: {LOG_LEVEL: info}
    """,
  ]

  @Test func aReferenceToAnotherServicesGeneratedConfigMapIsExplainedAsBuilt() async throws {
    let schema = bundledSchema
    // The rename alone, then with the checksum.
    for checksum in [false, true] {
      let folder = try TemporaryFolder(prefix: "render-slice")
      for (path, text) in Self.crossServiceReference { try folder.write(path, text) }
      if !checksum { try folder.write("services/api/service.yaml", "template: pod\n") }
      for service in ["api", "config"] {
        let checked = try await Self.compare(
          root: folder.path, environment: "prod", service: service, schema: schema)
        #expect(checked.fields > 5)
      }
    }
  }
}
