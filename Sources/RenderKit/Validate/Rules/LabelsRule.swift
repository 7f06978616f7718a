/// `labels`: every resource, and the pod template of every workload, carries the labels
/// the environment requires.
struct LabelsRule: PolicyRule {
  let id: RuleID = .labels
  let summary = """
    Every resource has the labels `policy.requiredLabels` lists (by default \
    `app.kubernetes.io/name`), and so do the pod templates of workloads.
    """
  let rationale = """
    Labels are how people and tools find what belongs together: `kubectl get -l`, cost \
    reports, dashboards and alert routing all group by them. A resource without them \
    drops out of every such view, and a pod without them is invisible to anything that \
    selects pods by label, even when its Deployment has them.
    """
  let defaultSeverity = RuleSeverity.warning

  var examples: [RuleExample] {
    [
      RuleExample(
        "a resource without labels", triggers: true,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: web-config}
          data: {LOG_LEVEL: info}
          """),
      RuleExample(
        "a Deployment whose pods lack the label", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            labels: {app.kubernetes.io/name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata:
                labels: {app: web}
              spec:
                containers:
                - {name: app, image: ghcr.io/acme/web:1.4.2}
          """),
      RuleExample(
        "the label on the resource and its pod template", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            labels: {app.kubernetes.io/name: web}
          spec:
            selector: {matchLabels: {app.kubernetes.io/name: web}}
            template:
              metadata:
                labels: {app.kubernetes.io/name: web}
              spec:
                containers:
                - {name: app, image: ghcr.io/acme/web:1.4.2}
          """),
      RuleExample(
        "a resource that is not a workload needs it on its metadata only", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata:
            name: web
            labels: {app.kubernetes.io/name: web}
          spec:
            selector: {app.kubernetes.io/name: web}
            ports:
            - {port: 80, targetPort: 8080}
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    let required = context.policy.requiredLabels
    guard !required.isEmpty else { return [] }
    var findings: [Diagnostic] = []
    for index in context.subjects {
      let rendered = context.resources[index]
      let resource = rendered.resource
      let metadataPath: [PathComponent] = [.key("metadata")]
      if let missing = Self.missing(required, in: rendered.body.value(at: metadataPath)) {
        findings.append(
          context.finding(
            id, "\(resource.displayName) has no \(Self.describe(missing))", in: rendered,
            at: metadataPath + [.key("labels")] + Self.labelKey(missing),
            help: help(missing, where: "metadata.labels")))
      }
      // A bare Pod's template is the Pod itself, checked above.
      guard resource.kind != "Pod", let pod = context.podTemplates[index] else { continue }
      if let missing = Self.missing(required, in: pod.metadata) {
        findings.append(
          context.finding(
            id, "the pod template of \(resource.displayName) has no \(Self.describe(missing))",
            in: rendered, at: pod.metadataPath + [.key("labels")] + Self.labelKey(missing),
            help: help(missing, where: "\(pod.metadataPath.dottedPath).labels")))
      }
    }
    return findings
  }

  /// The required labels `metadata` lacks (or has empty), or `nil` when it has them all.
  static func missing(_ required: [String], in metadata: Node?) -> [String]? {
    let labels = metadata?["labels"]
    let missing = required.filter { key in
      guard let value = labels?[key], let text = value.scalar.map(\.canonicalText) else {
        return true
      }
      return value.isNull || text.isEmpty
    }
    return missing.isEmpty ? nil : missing
  }

  /// The path step of the missing label, when there is only one, so the finding names it.
  static func labelKey(_ missing: [String]) -> [PathComponent] {
    missing.count == 1 ? [.key(missing[0])] : []
  }

  /// "label 'a'", "labels 'a' and 'b'".
  static func describe(_ missing: [String]) -> String {
    let quoted = missing.map { "'\($0)'" }
    guard let last = quoted.last else { return "labels" }
    return quoted.count == 1
      ? "label \(last)" : "labels \(quoted.dropLast().joined(separator: ", ")) and \(last)"
  }

  private func help(_ missing: [String], where field: String) -> String {
    "add \(missing.joined(separator: ", ")) to \(field) (required by policy.requiredLabels)"
  }
}
