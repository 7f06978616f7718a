/// A checked resource that runs pods, with its pod template: what the container rules
/// iterate over, and how their messages name a container.
struct Workload {
  var resource: RenderedResource
  var pod: PodTemplate

  /// The workloads among the resources `context` checks, in order.
  static func all(in context: ValidationContext) -> [Workload] {
    context.subjects.compactMap { index in
      context.podTemplates[index].map { Workload(resource: context.resources[index], pod: $0) }
    }
  }

  /// `Deployment/checkout`.
  var displayName: String { resource.resource.displayName }

  /// `container 'app' of Deployment/checkout`, `init container 'migrate' of ...`; a
  /// container without a name is named by its place in the list.
  func describe(_ container: PodTemplate.Container) -> String {
    let kind =
      switch container.list {
      case "initContainers": "init container"
      case "ephemeralContainers": "ephemeral container"
      default: "container"
      }
    let name =
      container.name.isEmpty
      ? "\(kind) \(container.path.suffix(2).dottedPath)" : "\(kind) '\(container.name)'"
    return "\(name) of \(displayName)"
  }
}
