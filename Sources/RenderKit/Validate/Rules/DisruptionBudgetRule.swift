/// `disruption-budget`: a PodDisruptionBudget lets at least one of the pods it selects be
/// evicted, so node drains can finish.
struct DisruptionBudgetRule: PolicyRule {
  let id: RuleID = .disruptionBudget
  let summary = """
    A PodDisruptionBudget allows at least one eviction: maxUnavailable is not 0, and \
    minAvailable is below the replica count of the workloads it selects (minReplicas \
    when autoscaled).
    """
  let rationale = """
    A budget that allows no eviction blocks every voluntary disruption of its pods: \
    `kubectl drain` waits for ever, node upgrades stall or are forced after a timeout, \
    and the cluster autoscaler cannot remove a node. The team that writes it never \
    notices; the platform team does, at the next upgrade, across every service. It is \
    an error because it breaks the cluster's maintenance, not only the workload, and \
    because a fix always exists: maxUnavailable: 1 keeps all but one pod up at any \
    replica count. Workloads whose replica count is not known here (a DaemonSet, a \
    count that is not a number) are judged only on maxUnavailable: 0 and minAvailable: \
    100%.
    """
  let defaultSeverity = RuleSeverity.error

  var examples: [RuleExample] {
    [
      RuleExample(
        "minAvailable: 2 for a Deployment of 2 replicas", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: 2
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/web:1.4.2}]
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web}
          spec:
            minAvailable: 2
            selector: {matchLabels: {app: web}}
          """),
      RuleExample(
        "maxUnavailable: 0", triggers: true,
        manifests: """
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: queue}
          spec:
            maxUnavailable: 0
            selector: {matchLabels: {app: queue}}
          """),
      RuleExample(
        "minAvailable: 1 for a Deployment that sets no replicas (it runs one)", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: cart}
          spec:
            selector: {matchLabels: {app: cart}}
            template:
              metadata: {labels: {app: cart}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/cart:3.0.0}]
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: cart}
          spec:
            minAvailable: 1
            selector: {matchLabels: {app: cart}}
          """),
      RuleExample(
        "minAvailable: 2 for a Deployment of 3 replicas, maxUnavailable: 1", triggers: false,
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
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web}
          spec:
            minAvailable: 2
            selector: {matchLabels: {app: web}}
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: web-surge}
          spec:
            maxUnavailable: 1
            selector: {matchLabels: {app: web}}
          """),
      RuleExample(
        "minAvailable: 2 for an autoscaled Deployment whose minReplicas is 3", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: api}
          spec:
            selector: {matchLabels: {app: api}}
            template:
              metadata: {labels: {app: api}}
              spec:
                containers: [{name: app, image: ghcr.io/acme/api:2.0.0}]
          ---
          apiVersion: autoscaling/v2
          kind: HorizontalPodAutoscaler
          metadata: {name: api}
          spec:
            scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
            minReplicas: 3
            maxReplicas: 10
          ---
          apiVersion: policy/v1
          kind: PodDisruptionBudget
          metadata: {name: api}
          spec:
            minAvailable: 2
            selector: {matchLabels: {app: api}}
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    let objects = ObjectIndex(context)
    let pods = PodLabelIndex(context.podTemplates, namespaces: objects.namespaces)
    let autoscalers = AutoscalerIndex(context, objects: objects)
    return context.subjects.flatMap { index -> [Diagnostic] in
      let budget = context.resources[index]
      guard budget.group == "policy", budget.kind == "PodDisruptionBudget" else {
        return []
      }
      return check(
        budget, in: context, pods: pods, namespace: objects.namespaces[index],
        autoscalers: autoscalers)
    }
  }

  func check(
    _ budget: RenderedResource, in context: ValidationContext, pods: PodLabelIndex,
    namespace: String, autoscalers: AutoscalerIndex
  ) -> [Diagnostic] {
    let name = budget.resource.displayName
    let maxPath: [PathComponent] = [.key("spec"), .key("maxUnavailable")]
    let minPath: [PathComponent] = [.key("spec"), .key("minAvailable")]
    let help = """
      use maxUnavailable: 1 instead (it allows one eviction at any replica count), or keep \
      minAvailable below the replica count
      """
    if let most = budget.body.value(at: maxPath), most.int == 0 || Self.percent(most) == 0 {
      return [
        context.finding(
          id,
          "\(name) sets maxUnavailable: \(most.scalar?.canonicalText ?? "0"), so no pod it "
            + "selects can ever be evicted and every node drain waits on it",
          in: budget, at: maxPath, help: help)
      ]
    }
    guard let least = budget.body.value(at: minPath) else { return [] }
    if let percent = Self.percent(least) {
      guard percent >= 100 else { return [] }
      return [
        context.finding(
          id,
          "\(name) sets minAvailable: \(percent)%, so no pod it selects can ever be evicted "
            + "and every node drain waits on it",
          in: budget, at: minPath, help: help)
      ]
    }
    // A count is judged against the replicas of the workloads it selects; an empty or
    // unmatched selector is the `references` rule's to report.
    let selectorPath: [PathComponent] = [.key("spec"), .key("selector")]
    guard let required = least.int,
      let selector = budget.body.value(at: selectorPath),
      let terms = SelectorTerm.labelSelector(selector, at: selectorPath), !terms.isEmpty
    else { return [] }
    let selected = pods.pods(matching: terms, in: namespace)
    var total = 0
    var related: [Diagnostic.Related] = []
    for match in selected {
      guard let replicas = replicas(of: match.resource, in: context, autoscalers: autoscalers)
      else { return [] }
      total += replicas.count
      related.append(replicas.source)
    }
    guard !selected.isEmpty, required >= total else { return [] }
    let workloads = selected.map { context.resources[$0.resource].resource.displayName }
    let runs = selected.count == 1 ? "runs" : "run"
    var finding = context.finding(
      id,
      "\(name) requires \(required) pod\(required == 1 ? "" : "s") available, and \(workloads.joined(separator: ", ")) "
        + "\(runs) \(total): no pod can ever be evicted, so every node drain waits on it",
      in: budget, at: minPath, help: help)
    finding.related += related
    return [finding]
  }

  /// How many pods the workload at `index` runs at least, and where that number comes
  /// from; `nil` when it is not known from the manifests.
  func replicas(
    of index: Int, in context: ValidationContext, autoscalers: AutoscalerIndex
  ) -> (count: Int, source: Diagnostic.Related)? {
    let workload = context.resources[index]
    guard AutoscalerIndex.isReplicated(workload) else { return nil }
    let name = workload.resource.displayName
    if let scaler = autoscalers.autoscalerOf[index] {
      let autoscaler = context.resources[scaler]
      let path: [PathComponent] = [.key("spec"), .key("minReplicas")]
      let node = autoscaler.body.value(at: path)
      // minReplicas defaults to 1.
      guard let count = node == nil || node?.isNull == true ? 1 : node?.int else { return nil }
      return (
        count,
        Diagnostic.Related(
          "\(autoscaler.resource.displayName) keeps \(name) at \(count) or more",
          at: ValidationContext.location(of: path, in: autoscaler))
      )
    }
    let path: [PathComponent] = [.key("spec"), .key("replicas")]
    let node = workload.body.value(at: path)
    let unset = node == nil || node?.isNull == true
    guard let count = unset ? 1 : node?.int else { return nil }
    let what = unset ? "runs 1 (it sets no replicas)" : "runs \(count)"
    return (
      count,
      Diagnostic.Related(
        "\(name) \(what)", at: ValidationContext.location(of: path, in: workload))
    )
  }

  /// The number of a percentage such as `"25%"`; `nil` for anything else.
  static func percent(_ node: Node) -> Int? {
    guard let text = node.string, text.hasSuffix("%") else { return nil }
    return Int(text.dropLast())
  }
}
