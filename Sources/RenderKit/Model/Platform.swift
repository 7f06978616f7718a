/// Everything a repository declares, parsed and located: the Parse stage's output.
///
/// Dictionaries are keyed by name; every stage iterates them in sorted order so output
/// never depends on hash order.
public struct Platform: Sendable {
  public var settings: ProjectSettings
  public var templates: [String: Template]
  public var services: [String: Service]
  public var environments: [String: Environment]
  /// CustomResourceDefinition documents from `crds/` and render.yaml's `schemas:` folders.
  public var customResourceDefinitions: [Node]
  /// A Kubernetes `_definitions.json` from a `schemas:` folder, replacing the bundled
  /// schemas (another Kubernetes version).
  public var kubernetesDefinitions: SourceFile?
  /// Templates whose files have errors: services using them are not resolved, so their
  /// mistakes are not reported again as parameter, template or patch findings.
  public var brokenTemplates: Set<String> = []
  /// Services whose service.yaml has errors, or whose template is missing or broken.
  /// While any is broken no environment renders: patches and rules would report what
  /// follows from the missing service (a patch target matching nothing) before the cause.
  public var brokenServices: Set<String> = []
  /// Environments whose files have errors. They still exist (so `--env` and `inherits`
  /// find them), but nothing inheriting from them resolves.
  public var brokenEnvironments: Set<String> = []
  /// Whether only some of the services were parsed (`PlatformParser.parse(_:services:)`):
  /// what renders it cannot tell a patch whose target is a service left out from one that
  /// matches nothing, so it does not report either.
  public var isPartial = false
  /// The paths of the locations in everything above: the loaded repository's.
  public let fileNames: SourceFileNames

  public init(
    settings: ProjectSettings, templates: [String: Template], services: [String: Service],
    environments: [String: Environment], customResourceDefinitions: [Node],
    fileNames: SourceFileNames
  ) {
    self.fileNames = fileNames
    self.settings = settings
    self.templates = templates
    self.services = services
    self.environments = environments
    self.customResourceDefinitions = customResourceDefinitions
  }

  public var serviceNames: [String] { services.keys.sorted() }
  public var environmentNames: [String] { environments.keys.sorted() }
}
