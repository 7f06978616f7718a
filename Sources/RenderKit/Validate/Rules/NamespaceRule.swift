/// `namespace`: every namespaced resource is in the environment's namespace, or in the
/// one its service's override sets.
///
/// render gives a namespaced resource without a namespace that namespace, so this fires
/// on manifests that name another one themselves, and, when neither sets one, on
/// resources that would go wherever the deploying tool happens to point.
struct NamespaceRule: PolicyRule {
  let id: RuleID = .namespace
  let summary = """
    Every namespaced resource is in the environment's namespace (or the one its \
    service's override sets); when there is none, every namespaced resource names one.
    """
  let rationale = """
    An environment is deployed as one unit, to one namespace: a manifest that names \
    another namespace lands next to another environment's resources, outside its quota \
    and network policies. A resource without any namespace is applied to whatever \
    namespace the deploying tool defaults to.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "a vendored manifest that names its own namespace", triggers: true,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: redis-config, namespace: redis}
          data: {maxmemory: 384mb}
          """),
      RuleExample(
        "a Role in kube-system among the service's resources", triggers: true,
        manifests: """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: lease-reader, namespace: kube-system}
          rules: [{apiGroups: [coordination.k8s.io], resources: [leases], verbs: [get]}]
          """),
      RuleExample(
        "resources without a namespace (render gives them the environment's) or with it",
        triggers: false,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: web-config}
          data: {LOG_LEVEL: info}
          ---
          apiVersion: v1
          kind: ServiceAccount
          metadata: {name: web, namespace: test}
          """),
      RuleExample(
        "cluster-scoped resources, including the environment's Namespace", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Namespace
          metadata: {name: test}
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata: {name: node-reader}
          rules: [{apiGroups: [""], resources: [nodes], verbs: [get, list]}]
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for resource in context.checked where context.scope.isNamespaced(resource) {
      let name = resource.resource.displayName
      let expected = context.expectedNamespace(of: resource.resource)
      let overridden = expected != context.namespace
      switch (resource.namespace, expected) {
      case (nil, nil):
        findings.append(
          context.finding(
            id,
            "\(name) has no namespace, and environment '\(context.environment)' sets none",
            in: resource, at: [.key("metadata")],
            help: """
              set `namespace:` in environments/\(context.environment)/environment.yaml, or \
              metadata.namespace in the manifest
              """))
      case (let actual?, let expected?) where actual != expected:
        let owner =
          overridden
          ? "service '\(resource.service ?? "")' deploys to '\(expected)' in environment '\(context.environment)'"
          : "environment '\(context.environment)' deploys to '\(expected)'"
        findings.append(
          context.finding(
            id, "\(name) is in namespace '\(actual)', but \(owner)", in: resource,
            at: [.key("metadata"), .key("namespace")],
            help: """
              remove metadata.namespace so render sets '\(expected)', or add a policy.ignore \
              entry for this rule and resource if it belongs elsewhere
              """))
      default:
        break
      }
    }
    return findings
  }
}
