/// `apiserver`: what the Kubernetes API server itself would reject in a built-in kind,
/// beyond its OpenAPI schema: the rules of upstream `pkg/apis/*/validation` (enums,
/// names and labels, ranges, selectors, uniqueness, fields that exclude each other).
struct APIServerRule: PolicyRule {
  static let ruleID: RuleID = .apiserver
  let id = ruleID
  let summary = """
    Built-in resources pass the Kubernetes API server's own validation (enums, name and \
    label syntax, ranges, selector and template agreement, unique names, fields that \
    exclude each other, cron schedules), not only its schema.
    """
  let rationale = """
    The OpenAPI schema says which fields exist and their types; the API server checks much \
    more when it admits an object, and a manifest that only fits the schema is rejected at \
    sync time, long after CI was green. These checks follow Kubernetes \
    \(KubernetesEnums.kubernetesVersion)'s validation code and word their messages like it, \
    for Pods and the pod templates of Deployments, StatefulSets, DaemonSets, ReplicaSets, \
    Jobs and CronJobs, and for Services, Ingresses, ConfigMaps, Secrets, \
    HorizontalPodAutoscalers, PodDisruptionBudgets, NetworkPolicies, \
    PersistentVolumeClaims, Namespaces, ServiceAccounts and RBAC objects. Custom resources \
    are left to their CRD schemas.
    """
  let defaultSeverity = RuleSeverity.error

  /// The checks, in the order findings are reported for one resource.
  static let checks: [any APIServerCheck] = [
    ObjectMetaCheck(), PodSpecCheck(), WorkloadCheck(), JobCheck(), ServiceCheck(),
    IngressCheck(), ConfigDataCheck(), AutoscalerCheck(), DisruptionBudgetCheck(),
    NetworkPolicyCheck(), PersistentVolumeClaimCheck(), RBACCheck(),
  ]

  /// The checks of each kind some check names, in catalog order (one lookup per
  /// resource); other built-in kinds get `genericChecks`.
  static let checksByKind: [String: [any APIServerCheck]] = {
    var result: [String: [any APIServerCheck]] = [:]
    for kind in Set(checks.flatMap(\.kinds)) {
      result[kind] = checks.filter { $0.kinds.isEmpty || $0.kinds.contains(kind) }
    }
    return result
  }()
  static let genericChecks = checks.filter(\.kinds.isEmpty)

  /// API groups whose kinds Kubernetes itself defines.
  static let builtInGroups: Set<String> = [
    "", "apps", "batch", "networking.k8s.io", "policy", "autoscaling",
    "rbac.authorization.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "coordination.k8s.io",
    "discovery.k8s.io", "node.k8s.io", "certificates.k8s.io", "admissionregistration.k8s.io",
  ]

  var examples: [RuleExample] { Self.checks.flatMap(\.examples) }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for index in context.subjects {
      let resource = context.resources[index]
      guard Self.builtInGroups.contains(resource.group), resource.body.isMapping
      else { continue }
      var object = APIServerObject(index, in: context)
      for check in Self.checksByKind[object.groupKind] ?? Self.genericChecks {
        check.check(&object)
      }
      findings += object.findings
    }
    return findings
  }
}
