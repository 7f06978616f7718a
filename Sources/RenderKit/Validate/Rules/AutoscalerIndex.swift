/// The HorizontalPodAutoscalers of an environment by the rendered resource they scale:
/// which workloads own their replica count, and who owns it.
struct AutoscalerIndex: Sendable {
  /// Index into `ValidationContext.resources` of a scaled resource -> of its first
  /// autoscaler.
  private(set) var autoscalerOf: [Int: Int] = [:]

  init(_ context: ValidationContext, objects: ObjectIndex) {
    for (index, resource) in context.resources.enumerated()
    where resource.group == "autoscaling" && resource.kind == "HorizontalPodAutoscaler" {
      guard let target = Self.target(of: resource, in: objects.namespaces[index], objects: objects)
      else { continue }
      if autoscalerOf[target] == nil { autoscalerOf[target] = index }
    }
  }

  /// Where a HorizontalPodAutoscaler names what it scales.
  static let targetPath: [PathComponent] = [.key("spec"), .key("scaleTargetRef")]

  /// The rendered resource `autoscaler`'s `scaleTargetRef` names in `namespace`, if any.
  static func target(
    of autoscaler: RenderedResource, in namespace: String, objects: ObjectIndex
  ) -> Int? {
    guard let target = autoscaler.body.value(at: targetPath),
      let kind = target["kind"]?.string, let name = target["name"]?.string
    else { return nil }
    let group = target["apiVersion"]?.string.map(Resource.group(ofAPIVersion:))
    return objects.resource(kind, group: group, named: name, in: namespace)
  }

  /// The kinds whose `spec.replicas` sets how many pods run.
  static func isReplicated(_ resource: RenderedResource) -> Bool {
    switch (resource.group, resource.kind) {
    case ("apps", "Deployment"), ("apps", "StatefulSet"), ("apps", "ReplicaSet"),
      ("", "ReplicationController"):
      true
    default: false
    }
  }
}
