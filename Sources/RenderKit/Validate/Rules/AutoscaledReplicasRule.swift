/// `autoscaled-replicas`: a workload that a HorizontalPodAutoscaler scales does not also
/// set a fixed `spec.replicas`.
struct AutoscaledReplicasRule: PolicyRule {
  let id: RuleID = .autoscaledReplicas
  let summary = """
    A Deployment, StatefulSet or ReplicaSet that a HorizontalPodAutoscaler of the \
    environment scales does not set spec.replicas.
    """
  let rationale = """
    The autoscaler and the manifest both own the replica count, so they fight: every \
    sync (Argo CD, Flux, kubectl apply) sets it back to the fixed number, and the \
    autoscaler scales it again a moment later. Under load that means a scale-down in \
    the middle of a deploy; Argo CD reports the application out of sync for ever. The \
    fix is to leave replicas out and let minReplicas set the floor. It is a warning, \
    not an error: the workload keeps running, and a team that tells its controller to \
    ignore /spec/replicas has no fight (say so with a `policy.ignore` entry).
    """
  let defaultSeverity = RuleSeverity.warning

  var examples: [RuleExample] {
    [
      RuleExample(
        "a Deployment with replicas: 3 that a HorizontalPodAutoscaler scales", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 3
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 2
            maxReplicas: 10
          """),
      RuleExample(
        "a StatefulSet of another service scaled by an autoscaling/v1 autoscaler",
        triggers: true,
        manifests: """
          # service: search
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: search}
          spec:
            replicas: 2
            serviceName: search
            selector: {matchLabels: {app: search}}
            template:
              metadata: {labels: {app: search}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/search:5.0.1}]
          ---
          # service: scaling
          apiVersion: autoscaling/v1
          kind: HorizontalPodAutoscaler
          metadata: {name: search}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: search}
            maxReplicas: 6
          """),
      RuleExample(
        "an autoscaled Deployment without replicas", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: web}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
            minReplicas: 2
            maxReplicas: 10
          """),
      RuleExample(
        "replicas on a Deployment no autoscaler scales (the autoscaler targets another)",
        triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: worker}
          spec:
            replicas: 4
            selector: {matchLabels: {app: worker}}
            template:
              metadata: {labels: {app: worker}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/worker:2.0.0}]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: api}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
            maxReplicas: 10
          ---
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
          spec:
            selector: {matchLabels: {app: api}}
            template:
              metadata: {labels: {app: api}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/api:2.0.0}]
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    let objects = ObjectIndex(context)
    let path: [PathComponent] = [.key("spec"), .key("replicas")]
    let subjects = Set(context.subjects)
    // Every autoscaler, not only the checked ones: checking one service must catch its
    // workload scaled by another service's autoscaler, and the reverse.
    return context.resources.indices.compactMap { index in
      let autoscaler = context.resources[index]
      guard autoscaler.group == "autoscaling",
        autoscaler.kind == "HorizontalPodAutoscaler",
        let target = AutoscalerIndex.target(
          of: autoscaler, in: objects.namespaces[index], objects: objects),
        subjects.contains(index) || subjects.contains(target)
      else { return nil }
      let workload = context.resources[target]
      guard AutoscalerIndex.isReplicated(workload), let replicas = workload.body.value(at: path),
        !replicas.isNull
      else { return nil }
      let count = replicas.scalar?.canonicalText ?? "a value"
      let name = workload.resource.displayName
      var finding = context.finding(
        id,
        "\(name) sets replicas: \(count), and \(autoscaler.resource.displayName) scales it: "
          + "every sync resets the count the autoscaler chose",
        in: workload, at: path,
        help: """
          leave spec.replicas out of \(name) (in the template or the values that set it): \
          the autoscaler owns the count, and its minReplicas sets the floor
          """)
      finding.related.append(
        Diagnostic.Related(
          "\(autoscaler.resource.displayName) scales \(name) here",
          at: ValidationContext.location(of: AutoscalerIndex.targetPath, in: autoscaler)))
      return finding
    }
  }
}
