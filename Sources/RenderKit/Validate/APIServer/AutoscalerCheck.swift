/// `pkg/apis/autoscaling/validation`: HorizontalPodAutoscaler replicas bounds, target
/// reference, metric sources and targets, scaling behavior.
struct AutoscalerCheck: APIServerCheck {
  let kinds: Set<String> = ["autoscaling/HorizontalPodAutoscaler"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let target = spec + [.key("scaleTargetRef")]
    for field in ["kind", "name"] {
      if object.value(at: target + [.key(field)])?.string == "" {
        object.required(target + [.key(field)], help: "name the workload to scale by kind and name")
      }
    }
    object.checkSyntax(
      target + [.key("kind")], KubernetesSyntax.pathSegmentName,
      help: "use a kind such as Deployment")
    object.checkSyntax(
      target + [.key("name")], KubernetesSyntax.pathSegmentName,
      help: "use the workload's metadata.name")
    let minimum = object.value(at: spec + [.key("minReplicas")])
    if let minimum, let value = minimum.int, value < 1 {
      object.invalid(
        spec + [.key("minReplicas")], minimum, "must be greater than or equal to 1",
        help:
          "an autoscaler keeps at least one replica; scale to zero by setting the workload's replicas"
      )
    }
    if let maximum = object.value(at: spec + [.key("maxReplicas")]), let value = maximum.int {
      if value < 1 {
        object.invalid(
          spec + [.key("maxReplicas")], maximum, "must be greater than 0", help: "use 1 or more")
      } else if let low = minimum?.int, value < low {
        object.invalid(
          spec + [.key("maxReplicas")], maximum, "must be greater than or equal to `minReplicas`",
          help: "raise maxReplicas to at least \(low)")
      }
    }
    object.checkMinimum(
      spec + [.key("targetCPUUtilizationPercentage")], 1, help: "use a percentage of 1 or more")
    for (index, metric) in (object.value(at: spec + [.key("metrics")])?.sequence ?? []).enumerated()
    {
      checkMetric(&object, metric, spec + [.key("metrics"), .index(index)])
    }
    for direction in ["scaleUp", "scaleDown"] {
      let rules = spec + [.key("behavior"), .key(direction)]
      object.checkEnum(rules + [.key("selectPolicy")], KubernetesEnums.scalingPolicySelect)
      if let window = object.value(at: rules + [.key("stabilizationWindowSeconds")]),
        let seconds = window.int,
        !(0...3600).contains(seconds)
      {
        object.invalid(
          rules + [.key("stabilizationWindowSeconds")], window,
          seconds < 0
            ? "must be greater than or equal to zero" : "must be less than or equal to 3600",
          help: "use 0 to 3600 seconds")
      }
      for (index, policy) in (object.value(at: rules + [.key("policies")])?.sequence ?? [])
        .enumerated()
      {
        let here = rules + [.key("policies"), .index(index)]
        object.checkEnum(here + [.key("type")], KubernetesEnums.scalingPolicyType)
        if let value = policy["value"], let number = value.int, number <= 0 {
          object.invalid(
            here + [.key("value")], value, "must be greater than zero", help: "use 1 or more")
        }
        if let period = policy["periodSeconds"], let seconds = period.int,
          !(1...1800).contains(seconds)
        {
          object.invalid(
            here + [.key("periodSeconds")], period,
            seconds <= 0 ? "must be greater than zero" : "must be less than or equal to 1800",
            help: "use 1 to 1800 seconds")
        }
      }
    }
  }

  private func checkMetric(_ object: inout APIServerObject, _ metric: Node, _ here: [PathComponent])
  {
    guard let type = metric["type"], let text = type.string else {
      object.required(
        here + [.key("type")], "must specify a metric source type",
        help: "set type: Resource, Pods, Object, External or ContainerResource")
      return
    }
    guard KubernetesEnums.metricSourceType.contains(text) else {
      object.unsupported(here + [.key("type")], type, supported: KubernetesEnums.metricSourceType)
      return
    }
    let field = text.prefix(1).lowercased() + text.dropFirst()
    let populated = ["object", "pods", "resource", "containerResource", "external"].filter {
      metric[$0].map { !$0.isNull } ?? false
    }
    if !populated.contains(field) {
      object.required(
        here + [.key(field)], "must populate information for the given metric source",
        help: "a metric of type \(text) describes itself under \(field)")
      return
    }
    if populated.count > 1 {
      object.forbidden(
        here + [.key(populated.first { $0 != field } ?? field)],
        "must populate the given metric source only",
        help: "keep only \(field)")
    }
    let source = metric[field] ?? .null()
    if field == "resource" || field == "containerResource", (source["name"]?.string ?? "").isEmpty {
      object.required(
        here + [.key(field), .key("name")], "must specify a resource name",
        help: "name the resource: cpu or memory")
    }
    let targetPath = here + [.key(field), .key("target")]
    guard let metricTarget = object.value(at: targetPath) else {
      object.required(targetPath, help: "say the value to scale on")
      return
    }
    object.checkEnum(targetPath + [.key("type")], KubernetesEnums.metricTargetType)
    switch metricTarget["type"]?.string {
    case "Utilization":
      if let value = metricTarget["averageUtilization"], let number = value.int {
        if number <= 0 {
          object.invalid(
            targetPath + [.key("averageUtilization")], value, "must be greater than 0",
            help: "use a percentage of 1 or more")
        }
      } else {
        object.required(
          targetPath + [.key("averageUtilization")],
          "must set either a target raw value or a target utilization",
          help: "a Utilization target sets averageUtilization (a percentage of the request)")
      }
    case "AverageValue":
      if metricTarget["averageValue"] == nil {
        object.required(
          targetPath + [.key("averageValue")],
          "must set either a target raw value or a target utilization", help: "set averageValue")
      }
    case "Value":
      if metricTarget["value"] == nil {
        object.required(
          targetPath + [.key("value")],
          "must set either a target raw value or a target utilization", help: "set value")
      }
    default: break
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "autoscalers: maxReplicas below minReplicas", triggers: true,
        manifests: """
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 4
            maxReplicas: 2
          """),
      RuleExample(
        "autoscalers: a Utilization target without averageUtilization", triggers: true,
        manifests: """
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            maxReplicas: 5
            metrics:
            - type: Resource
              resource:
                name: cpu
                target: {type: Utilization, averageValue: 500m}
          """),
      RuleExample(
        "autoscalers: a CPU utilization target within bounds", triggers: false,
        manifests: """
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 2
            maxReplicas: 10
            metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
          """),
    ]
  }
}
