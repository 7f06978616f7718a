/// `resources`: every container requests cpu and memory and limits memory.
struct ResourcesRule: PolicyRule {
  let id: RuleID = .resources
  let summary = "Every container, init containers too, requests cpu and memory and limits memory."
  let rationale = """
    The scheduler places pods by their requests: a container without them can land on a \
    node that cannot run it, and is the first to be evicted under pressure. A memory \
    limit stops one leaking container from taking the node's memory from its neighbours; \
    a cpu limit is not required, since it throttles rather than protects.
    """
  let defaultSeverity = RuleSeverity.warning

  /// What every container must set, as paths under `resources`.
  static let required: [(path: [String], name: String)] = [
    (["requests", "cpu"], "cpu request"),
    (["requests", "memory"], "memory request"),
    (["limits", "memory"], "memory limit"),
  ]

  var examples: [RuleExample] {
    [
      RuleExample(
        "no resources at all", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
          """),
      RuleExample(
        "an init container without a memory limit", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                initContainers:
                - name: migrate
                  image: ghcr.io/acme/migrate:1.4.2
                  resources:
                    requests: {cpu: 50m, memory: 64Mi}
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  resources:
                    requests: {cpu: 100m, memory: 128Mi}
                    limits: {memory: 256Mi}
          """),
      RuleExample(
        "requests and a memory limit (no cpu limit needed)", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              resources:
                requests: {cpu: 100m, memory: 128Mi}
                limits: {memory: 256Mi}
          """),
      RuleExample(
        "resources that run no pods are not checked", triggers: false,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: web-config}
          data: {LOG_LEVEL: info}
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for workload in Workload.all(in: context) {
      // Ephemeral containers cannot have resources: Kubernetes rejects them.
      for container in workload.pod.containers where container.list != "ephemeralContainers" {
        let resources = container.node["resources"]
        let missing = Self.required.filter { field in
          guard let value = resources?.value(at: field.path.map(PathComponent.key)) else {
            return true
          }
          return value.isNull || value.string == ""
        }
        guard !missing.isEmpty else { continue }
        // Point at the deepest field the missing ones share: `resources.limits.memory`
        // for one, `resources.requests` for both requests, `resources` otherwise.
        var shared = missing[0].path
        for field in missing.dropFirst() {
          shared = Array(zip(shared, field.path).prefix { $0.0 == $0.1 }.map(\.0))
        }
        let path = container.path + [.key("resources")] + shared.map(PathComponent.key)
        findings.append(
          context.finding(
            id,
            "\(workload.describe(container)) has no \(Self.list(missing.map(\.name)))",
            in: workload.resource, at: path,
            help:
              "set resources.requests.cpu, resources.requests.memory and resources.limits.memory from what the container uses under load"
          ))
      }
    }
    return findings
  }

  /// "a", "a or b", "a, b or c".
  static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " or " + last
  }
}
