/// `pkg/apis/apps/validation` (and ReplicationController's part of core): replicas,
/// selectors that match their pod template, restart policy, update strategies.
struct WorkloadCheck: APIServerCheck {
  let kinds: Set<String> = [
    "apps/Deployment", "apps/StatefulSet", "apps/DaemonSet", "apps/ReplicaSet",
    "/ReplicationController",
  ]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let specNode = object.spec
    object.checkMinimum(
      object.field(specNode, "replicas"), 0, at: spec + [.key("replicas")],
      help: "use 0 or more replicas")
    object.checkMinimum(
      object.field(specNode, "minReadySeconds"), 0, at: spec + [.key("minReadySeconds")],
      help: "use 0 or more seconds")
    object.checkMinimum(
      object.field(specNode, "revisionHistoryLimit"), 0,
      at: spec + [.key("revisionHistoryLimit")], help: "use 0 or more")
    checkSelector(&object)
    if let pod = object.pod {
      if let policy = object.field(pod.spec, "restartPolicy"), let text = policy.string,
        text != "Always", KubernetesEnums.restartPolicy.contains(text)
      {
        object.unsupported(
          pod.path + [.key("restartPolicy")], policy, supported: ["Always"],
          help:
            "\(object.kind) pods run until stopped: remove restartPolicy; use a Job for run-to-completion work"
        )
      }
      if object.field(pod.spec, "activeDeadlineSeconds") != nil {
        object.forbidden(
          pod.path + [.key("activeDeadlineSeconds")],
          "activeDeadlineSeconds in \(object.kind == "Deployment" ? "ReplicaSet" : object.kind) is not Supported",
          help: "remove it: pods of a \(object.kind) run until stopped")
      }
    }
    switch object.kind {
    case "Deployment": checkDeployment(&object)
    case "StatefulSet":
      object.checkEnum(spec + [.key("podManagementPolicy")], KubernetesEnums.podManagementPolicy)
      object.checkEnum(
        spec + [.key("updateStrategy"), .key("type")], KubernetesEnums.statefulSetUpdateStrategy)
      for field in ["whenDeleted", "whenScaled"] {
        object.checkEnum(
          spec + [.key("persistentVolumeClaimRetentionPolicy"), .key(field)],
          KubernetesEnums.pvcRetentionPolicy)
      }
    case "DaemonSet":
      object.checkEnum(
        spec + [.key("updateStrategy"), .key("type")], KubernetesEnums.daemonSetUpdateStrategy)
    default: break
    }
  }

  private func checkSelector(_ object: inout APIServerObject) {
    let selectorPath: [PathComponent] = [.key("spec"), .key("selector")]
    let isReplicationController = object.kind == "ReplicationController"
    // A missing selector is the schema's finding (apps/v1 requires it).
    guard let selector = object.field(object.spec, "selector") else { return }
    guard let pod = object.pod else { return }
    let labels = object.stringMap(object.field(pod.metadata, "labels"))
    if isReplicationController {
      object.checkLabels(selector, at: selectorPath)
      let wanted = object.stringMap(selector)
      if !wanted.isEmpty && !wanted.allSatisfy({ labels[$0.key] == $0.value }) {
        object.invalid(
          pod.metadataPath + [.key("labels")],
          object.value(at: pod.metadataPath + [.key("labels")]) ?? .null(),
          "`selector` does not match template `labels`",
          help: "give the pod template every label of spec.selector")
      }
      return
    }
    object.checkLabelSelector(selector, at: selectorPath)
    if object.isEmptySelector(selector) {
      object.invalid(
        selectorPath, selector, "empty selector is invalid for \(object.kind.lowercased())",
        help: "select the pods by at least one label of the pod template")
      return
    }
    if !object.selector(selector, matches: labels) {
      object.invalid(
        pod.metadataPath + [.key("labels")],
        object.value(at: pod.metadataPath + [.key("labels")]) ?? .null(),
        "`selector` does not match template `labels`",
        help: "give the pod template every label spec.selector requires")
    }
  }

  private func checkDeployment(_ object: inout APIServerObject) {
    let strategy: [PathComponent] = [.key("spec"), .key("strategy")]
    object.checkEnum(strategy + [.key("type")], KubernetesEnums.deploymentStrategy)
    let type = object.value(at: strategy + [.key("type")])?.string ?? "RollingUpdate"
    let rolling = strategy + [.key("rollingUpdate")]
    if type == "Recreate", object.value(at: rolling) != nil {
      object.forbidden(
        rolling, "may not be specified when strategy `type` is 'Recreate'",
        help: "remove rollingUpdate, or use the strategy RollingUpdate")
    }
    let surgePath = rolling + [.key("maxSurge")]
    let unavailablePath = rolling + [.key("maxUnavailable")]
    object.checkIntOrPercent(
      surgePath, atMostHundred: false, help: "use a number of pods or a percentage")
    object.checkIntOrPercent(
      unavailablePath, atMostHundred: true, help: "use a number of pods or a percentage up to 100%")
    func isZero(_ node: Node?) -> Bool { node?.int == 0 || node?.string == "0%" }
    if let unavailable = object.value(at: unavailablePath), isZero(unavailable),
      isZero(object.value(at: surgePath))
    {
      object.invalid(
        unavailablePath, unavailable, "may not be 0 when `maxSurge` is 0",
        help: "a rollout must either add or remove a pod: raise maxSurge or maxUnavailable")
    }
    if let deadline = object.value(at: [.key("spec"), .key("progressDeadlineSeconds")]),
      let seconds = deadline.int
    {
      let minReady = object.value(at: [.key("spec"), .key("minReadySeconds")])?.int ?? 0
      if seconds <= minReady {
        object.invalid(
          [.key("spec"), .key("progressDeadlineSeconds")], deadline,
          "must be greater than minReadySeconds",
          help: "give a rollout more time than a pod needs to count as available")
      }
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "workloads: a selector that does not match the pod template's labels", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: website}}
              spec:
                containers:
                - {name: app, image: "ghcr.io/acme/web:1.4.2"}
          """),
      RuleExample(
        "workloads: negative replicas and `restartPolicy: OnFailure` in a StatefulSet",
        triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            replicas: -1
            serviceName: db
            selector: {matchLabels: {app: db}}
            template:
              metadata: {labels: {app: db}}
              spec:
                restartPolicy: OnFailure
                containers:
                - {name: postgres, image: "postgres:16.3"}
          """),
      RuleExample(
        "workloads: a selector with an expression the template's labels satisfy", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 0
            selector:
              matchLabels: {app: web}
              matchExpressions:
              - {key: tier, operator: In, values: [frontend, edge]}
            strategy:
              type: RollingUpdate
              rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
            template:
              metadata: {labels: {app: web, tier: edge}}
              spec:
                containers:
                - {name: app, image: "ghcr.io/acme/web:1.4.2"}
          """),
    ]
  }
}
