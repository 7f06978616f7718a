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
      Self.annotate(&metadata, with: annotations, defaultLocation: source)
    }
    for path in WorkloadKind.templateMetadataPaths(of: resource) {
      Self.annotate(path[...], in: &resource.body, with: annotations, defaultLocation: source)
    }
  }

  /// Walks to the metadata at `path`, only through mappings that exist: a workload
  /// without a pod template is left for the schema check to report.
  private static func annotate(
    _ path: ArraySlice<String>, in node: inout Node, with annotations: [Node.Entry],
    defaultLocation: SourceLocation
  ) {
    guard let key = path.first else { return }
    if path.count == 1 {
      node.update(key, default: .mapping([], at: defaultLocation)) { metadata in
        annotate(&metadata, with: annotations, defaultLocation: defaultLocation)
      }
      return
    }
    guard node[key]?.isMapping == true else { return }
    node.update(key, default: .null()) { child in
      annotate(path.dropFirst(), in: &child, with: annotations, defaultLocation: defaultLocation)
    }
  }

  private static func annotate(
    _ metadata: inout Node, with annotations: [Node.Entry], defaultLocation: SourceLocation
  ) {
    // Annotations that are not a mapping are left as they are, for the schema check.
    guard metadata.isMapping, metadata["annotations"].map({ $0.isMapping || $0.isNull }) ?? true
    else { return }
    if metadata["annotations"]?.isNull == true {
      metadata.set("annotations", to: .mapping([], at: defaultLocation))
    }
    metadata.update("annotations", default: .mapping([], at: defaultLocation)) { existing in
      for annotation in annotations {
        existing.set(annotation.key, to: annotation.value, keyLocation: annotation.keyLocation)
      }
    }
  }
}
