/// `ValidatePodDisruptionBudgetSpec` (`pkg/apis/policy/validation`): one of
/// minAvailable and maxUnavailable, each a count or a percentage, and the selector.
struct DisruptionBudgetCheck: APIServerCheck {
  let kinds: Set<String> = ["policy/PodDisruptionBudget"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    if object.value(at: spec + [.key("minAvailable")]) != nil,
      object.value(at: spec + [.key("maxUnavailable")]) != nil
    {
      object.invalid(
        spec, object.value(at: spec) ?? .null(),
        "minAvailable and maxUnavailable cannot be both set",
        help: "keep one of minAvailable and maxUnavailable")
    }
    for field in ["minAvailable", "maxUnavailable"] {
      object.checkIntOrPercent(
        spec + [.key(field)], atMostHundred: true,
        help: "use a number of pods or a percentage up to 100%")
    }
    object.checkLabelSelector(spec + [.key("selector")])
    object.checkEnum(
      spec + [.key("unhealthyPodEvictionPolicy")], KubernetesEnums.unhealthyPodEvictionPolicy)
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "disruption budgets: both minAvailable and maxUnavailable", triggers: true,
        manifests: """
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web}
          spec:
            minAvailable: 1
            maxUnavailable: 1
            selector: {matchLabels: {app: web}}
          """),
      RuleExample(
        "disruption budgets: a percentage above 100%", triggers: true,
        manifests: """
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web}
          spec:
            maxUnavailable: 150%
            selector: {matchLabels: {app: web}}
          """),
      RuleExample(
        "disruption budgets: one percentage and a selector", triggers: false,
        manifests: """
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web}
          spec:
            minAvailable: 50%
            unhealthyPodEvictionPolicy: AlwaysAllow
            selector: {matchLabels: {app: web}}
          """),
    ]
  }
}
