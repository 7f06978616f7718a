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
      Self.addLabels(objectLabels, to: &metadata, defaultLocation: source)
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
      Self.addLabels(podLabels, at: path[...], in: &resource.body, defaultLocation: source)
    }
  }

  /// Walks to the metadata at `path`, but only through mappings that exist: a workload
  /// without a pod template is left for the schema check to report.
  private static func addLabels(
    _ labels: [Node.Entry], at path: ArraySlice<String>, in node: inout Node,
    defaultLocation: SourceLocation
  ) {
    guard let key = path.first else { return }
    if path.count == 1 {
      node.update(key, default: .mapping([], at: defaultLocation)) { metadata in
        addLabels(labels, to: &metadata, defaultLocation: defaultLocation)
      }
      return
    }
    guard node[key]?.isMapping == true else { return }
    node.update(key, default: .null()) { child in
      addLabels(labels, at: path.dropFirst(), in: &child, defaultLocation: defaultLocation)
    }
  }

  private static func addLabels(
    _ labels: [Node.Entry], to metadata: inout Node, defaultLocation: SourceLocation
  ) {
    // Labels that are not a mapping are left as they are, for the schema check to report.
    guard metadata.isMapping, metadata["labels"].map({ $0.isMapping || $0.isNull }) ?? true
    else { return }
    if metadata["labels"]?.isNull == true {
      metadata.set("labels", to: .mapping([], at: defaultLocation))
    }
    metadata.update("labels", default: .mapping([], at: defaultLocation)) { existing in
      for label in labels {
        existing.set(label.key, to: label.value, keyLocation: label.keyLocation)
      }
    }
  }
}
