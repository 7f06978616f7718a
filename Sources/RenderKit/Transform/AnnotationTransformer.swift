/// Adds annotations to a resource's `metadata.annotations` and to the annotations of the
/// pods it templates, as kustomize's `commonAnnotations` does.
///
/// Annotations set here win over annotations of the same key set by the template, like
/// labels do (`LabelTransformer`).
public struct AnnotationTransformer: Sendable {
  /// Annotations in order, each with the location that set it.
  public let annotations: [Node.Entry]

  /// - Parameter annotations: a mapping of annotation keys to strings.
  public init(annotations: Node) {
    self.annotations = annotations.mapping ?? []
  }

  public func apply(to resource: inout Resource) {
    guard !annotations.isEmpty else { return }
    let source = resource.source
    resource.body.update("metadata", default: .mapping([], at: source)) { metadata in
      MetadataEntries.set(
        annotations, into: "annotations", of: &metadata, defaultLocation: source)
    }
    for path in WorkloadKind.templateMetadataPaths(of: resource) {
      MetadataEntries.set(
        annotations, into: "annotations", ofMetadataAt: path[...], in: &resource.body,
        defaultLocation: source)
    }
  }
}
