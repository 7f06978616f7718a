/// `services/<name>/service.yaml`.
public struct Service: Sendable {
  /// Where a service's manifests come from.
  public enum Source: Sendable {
    /// A template folder, by name.
    case template(Located<String>)
    /// Plain manifests in a folder of the service (`manifests: manifests/`).
    case manifests(folder: Located<String>, files: [ManifestFile])
  }

  public var name: String
  public var file: String
  public var source: Source
  public var image: Located<String>?
  public var version: Located<String>?
  /// A mapping of label keys to string values.
  public var labels: Node?
  /// A mapping of annotation keys to string values, for every resource of the service.
  public var annotations: Node?
  /// The template parameters set by the service (a mapping), for layer 2.
  public var values: Node?
  public var patches: [Patch]
  /// `enabled:` in service.yaml: `false` renders the service nowhere unless an
  /// environment's override switches it on.
  public var enabled: Located<Bool>?
  /// `manifests:` next to `template:`: plain manifests rendered beside the template's
  /// (a NetworkPolicy, a VirtualService).
  public var extraManifests: (folder: Located<String>, files: [ManifestFile])?
  /// `configMapGenerator` and `secretGenerator`: ConfigMaps and Secrets generated from
  /// literals and files, named with a hash of their content.
  public var generators: [ConfigGenerator] = []
  /// `checksumAnnotation: true`: each pod template of the service gets a checksum of the
  /// ConfigMaps and Secrets it references, so changing their data rolls the pods.
  public var checksumAnnotation: Located<Bool>?

  public init(
    name: String, file: String, source: Source, image: Located<String>?,
    version: Located<String>?, labels: Node?, values: Node?,
    patches: [Patch], enabled: Located<Bool>? = nil
  ) {
    self.name = name
    self.file = file
    self.source = source
    self.image = image
    self.version = version
    self.labels = labels
    self.values = values
    self.patches = patches
    self.enabled = enabled
  }
}
