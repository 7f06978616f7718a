/// The schemas one platform is checked and patched against: the bundled Kubernetes
/// schemas (or a `schemas:` folder's `_definitions.json`) with the platform's CRDs
/// added, and the validator that checks rendered resources against them and the rules.
public struct PlatformSchema: Sendable {
  /// The Kubernetes schemas with the CRDs: the validator's, and the merge strategies
  /// strategic-merge patches follow.
  public var kubernetes: KubernetesSchema
  public var validator: Validator
  /// Which kinds are cluster-scoped, the CRDs' included.
  public var scope: ResourceScope
  /// What loading the schemas and the CRDs found.
  public var diagnostics: [Diagnostic]

  /// - Parameters:
  ///   - bundled: the bundled schemas (usually from `BundledSchema`).
  ///   - strict: `--strict`: policy warnings count as errors.
  public init(_ platform: Platform, bundled: KubernetesSchema, strict: Bool) {
    let (base, versionDiagnostics) = Self.kubernetesSchema(for: platform, bundled: bundled)
    let (kubernetes, crdDiagnostics) = base.adding(crds: platform.customResourceDefinitions)
    self.kubernetes = kubernetes
    scope = ResourceScope(customResourceDefinitions: platform.customResourceDefinitions)
    validator = Validator(
      schema: kubernetes, uncheckedGroups: Set(platform.settings.uncheckedGroups.map(\.value)),
      strict: strict)
    diagnostics = versionDiagnostics + crdDiagnostics
  }

  /// The schema check alone, without policy rules: for objects render makes itself
  /// (Argo CD and Flux objects).
  public var schemaOnly: Validator {
    Validator(schema: kubernetes, rules: [], uncheckedGroups: validator.uncheckedGroups)
  }

  /// The bundled schemas, or the `_definitions.json` of a `schemas:` folder; a
  /// `kubernetesVersion` the schemas in use are not for is an error.
  static func kubernetesSchema(
    for platform: Platform, bundled: KubernetesSchema
  ) -> (KubernetesSchema, [Diagnostic]) {
    var schema = bundled
    var diagnostics: [Diagnostic] = []
    if let file = platform.kubernetesDefinitions {
      do {
        schema = try KubernetesSchema.load(
          definitions: file.text, file: file.path, fileNames: platform.fileNames,
          kubernetesVersion: platform.settings.kubernetesVersion)
      } catch {
        diagnostics +=
          error.diagnostics.isEmpty
          ? [.input(error.message, at: platform.fileNames.start(of: file.path))] : error.diagnostics
      }
    } else if !Self.sameMinor(platform.settings.kubernetesVersion, schema.kubernetesVersion) {
      diagnostics.append(
        .input(
          "kubernetesVersion \(platform.settings.kubernetesVersion) needs its schemas: render bundles Kubernetes \(schema.kubernetesVersion)",
          at: platform.settings.kubernetesVersionLocation
            ?? platform.fileNames.start(of: SettingsParser.file),
          help:
            "run Scripts/update-kubernetes-schema.py --kubernetes <version>.0 --json <folder>/_definitions.json and list the folder under 'schemas:' in render.yaml"
        ))
    }
    return (schema, diagnostics)
  }

  /// "1.31" and "1.31.0" name one minor version.
  static func sameMinor(_ a: String, _ b: String) -> Bool {
    a.split(separator: ".").prefix(2) == b.split(separator: ".").prefix(2)
  }
}
