/// Adds labels to a resource's `metadata.labels` and to the labels of the pods it
/// templates, never to selectors (a selector change would orphan running pods, and
/// Deployment selectors are immutable).
///
/// Labels set here win over labels of the same key set by the template.
public struct LabelTransformer: Sendable {
  /// The label render adds to everything it renders.
  public static let managedBy = Node.Entry("app.kubernetes.io/managed-by", .string("render"))

  /// Labels in order, each with the location that set it.
  public let labels: [Node.Entry]

  /// - Parameter labels: a mapping of label keys to strings.
  public init(labels: Node) {
    self.labels = labels.mapping ?? []
  }

  public func apply(to resource: inout Resource) {
    let source = resource.source
    let objectLabels = labels + [Self.managedBy]
    resource.body.update("metadata", default: .mapping([], at: source)) { metadata in
      MetadataEntries.set(objectLabels, into: "labels", of: &metadata, defaultLocation: source)
    }
    let paths = WorkloadKind.templateMetadataPaths(of: resource)
    guard !paths.isEmpty, !labels.isEmpty else { return }
    // A label the selector matches on stays as the template wrote it: changing it on
    // the pods would leave the selector matching none of them.
    let selector = resource.body["spec"]?["selector"]
    let selected = Set(((selector?["matchLabels"] ?? selector)?.mapping ?? []).map(\.key))
    let podLabels = labels.filter { !selected.contains($0.key) }
    guard !podLabels.isEmpty else { return }
    for path in paths {
      MetadataEntries.set(
        podLabels, into: "labels", ofMetadataAt: path[...], in: &resource.body,
        defaultLocation: source)
    }
  }
}
