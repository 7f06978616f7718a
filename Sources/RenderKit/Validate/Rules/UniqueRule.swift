/// `unique`: no two resources of an environment are one object in the cluster (same API
/// group, kind, namespace and name).
///
/// Two resources that would be written to the same file (one service rendering a kind
/// and name twice) are the output planner's to report; this rule reports the ones in
/// different folders: two services, or a service and the environment's `resources/`.
struct UniqueRule: PolicyRule {
  let id: RuleID = .unique
  let summary = """
    No two resources of an environment have the same API group, kind, namespace and \
    name.
    """
  let rationale = """
    Two manifests for one object fight over it: whichever is applied last wins, and a \
    GitOps controller flips it back and forth or reports it out of sync forever. It \
    usually means two services render a shared ConfigMap, or an environment resource \
    repeats one a service already renders.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "two services render the ConfigMap shared-config", triggers: true,
        manifests: """
          # service: checkout
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: shared-config}
          data: {CURRENCY: EUR}
          ---
          # service: example
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: shared-config}
          data: {CURRENCY: USD}
          """),
      RuleExample(
        "one HorizontalPodAutoscaler under two versions of its API group, from two services",
        triggers: true,
        manifests: """
          # service: checkout
          apiVersion: autoscaling/v1
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 4
          ---
          # service: example
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web, namespace: test}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 4
          """),
      RuleExample(
        "one name for different kinds", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: checkout}
          spec:
            ports: [{port: 80}]
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: checkout}
          """),
      RuleExample(
        "one kind and name in two namespaces", triggers: false,
        manifests: """
          # service: checkout
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: shared-config, namespace: test}
          ---
          # service: example
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: shared-config, namespace: monitoring}
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    struct Key: Hashable {
      var group: String
      var kind: String
      var namespace: String
      var name: String
    }
    let subjects = Set(context.subjects)
    var first: [Key: Int] = [:]
    var paths: [Key: Set<String>] = [:]
    var findings: [Diagnostic] = []
    var index = -1
    while index + 1 < context.resources.count {
      index += 1
      let rendered = context.resources[index]
      let key = Key(
        group: rendered.group, kind: rendered.kind,
        namespace: ObjectIndex.namespace(of: rendered, in: context), name: rendered.name)
      // A second resource for a file already taken is the output planner's finding.
      guard paths[key, default: []].insert(rendered.path).inserted else { continue }
      guard let original = first[key] else {
        first[key] = index
        continue
      }
      guard subjects.contains(index) else { continue }
      let other = context.resources[original]
      let namespace = key.namespace.isEmpty ? "" : " in namespace '\(key.namespace)'"
      var finding = context.finding(
        id,
        "\(rendered.resource.displayName)\(namespace) is rendered by both \(Self.owner(of: other)) and \(Self.owner(of: rendered)); applying one overwrites the other",
        in: rendered, at: [.key("metadata"), .key("name")],
        help: """
          rename one of them, or render the object in one place only (a service, or the \
          environment's resources/)
          """)
      finding.related.append(
        Diagnostic.Related(
          "the first one, in \(other.path)",
          at: ValidationContext.location(of: [.key("metadata"), .key("name")], in: other)))
      findings.append(finding)
    }
    return findings
  }

  /// `service 'checkout'`, or `the environment's resources/`.
  static func owner(of resource: RenderedResource) -> String {
    resource.service.map { "service '\($0)'" } ?? "the environment's resources/"
  }
}
