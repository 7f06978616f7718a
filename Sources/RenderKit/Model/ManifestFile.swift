/// A file of plain Kubernetes manifests: a vendored component's, or an environment's
/// own `resources/`.
public struct ManifestFile: Sendable {
  public var path: String
  /// The non-empty documents of the file.
  public var documents: [Node]

  public init(path: String, documents: [Node]) {
    self.path = path
    self.documents = documents
  }
}
