/// The `references` rule's work on one environment: the indexes of what exists, built
/// once, and the check of each kind of reference against them.
struct ReferenceChecker {
  let context: ValidationContext
  let objects: ObjectIndex
  let pods: PodLabelIndex
  let rule: RuleID

  init(_ context: ValidationContext, rule: RuleID) {
    self.context = context
    self.rule = rule
    objects = ObjectIndex(context)
    pods = PodLabelIndex(context.podTemplates, namespaces: objects.namespaces)
  }

  /// The findings about the references `context.resources[index]` makes.
  func check(_ index: Int) -> [Diagnostic] {
    let resource = context.resources[index]
    let namespace = objects.namespaces[index]
    var findings: [Diagnostic] = []
    switch (resource.group, resource.kind) {
    case ("", "Service"): findings += checkService(resource, in: namespace)
    case ("networking.k8s.io", "Ingress"): findings += checkIngress(resource, in: namespace)
    case ("autoscaling", "HorizontalPodAutoscaler"):
      findings += checkAutoscaler(resource, in: namespace)
    case ("policy", "PodDisruptionBudget"):
      findings += checkDisruptionBudget(resource, in: namespace)
    case ("networking.k8s.io", "NetworkPolicy"):
      findings += checkNetworkPolicy(resource, in: namespace)
    default: break
    }
    if let pod = context.podTemplates[index] {
      for reference in PodReference.all(in: pod) {
        findings += checkPodReference(reference, of: resource, in: namespace)
      }
    }
    return findings
  }

  // MARK: Selectors

  /// A Service's `spec.selector` selects the pods of some workload. A Service without a
  /// selector (its endpoints are managed elsewhere) is fine.
  func checkService(_ service: RenderedResource, in namespace: String) -> [Diagnostic] {
    checkSelector(
      of: service, at: [.key("spec"), .key("selector")], in: namespace,
      read: SelectorTerm.equality,
      help: """
        fix the selector, or the pod template labels of the workload it is meant for: a \
        Service whose selector matches no pods has no endpoints
        """)
  }

  /// A PodDisruptionBudget's `spec.selector` selects the pods of some workload.
  func checkDisruptionBudget(_ budget: RenderedResource, in namespace: String) -> [Diagnostic] {
    let path: [PathComponent] = [.key("spec"), .key("selector")]
    let help = """
      fix the selector, or the pod template labels of the workload it is meant for: a \
      PodDisruptionBudget that selects no pods protects nothing
      """
    guard let selector = budget.body.value(at: path), !selector.isNull else {
      return [
        context.finding(
          rule, "\(budget.resource.displayName) has no selector, so it protects no pods",
          in: budget, at: path,
          help: "add spec.selector.matchLabels with the pod labels of the workload it protects")
      ]
    }
    guard let terms = SelectorTerm.labelSelector(selector, at: path),
      pods.pods(matching: terms, in: namespace).isEmpty
    else { return [] }
    if terms.isEmpty {
      return [
        context.finding(
          rule,
          "\(budget.resource.displayName) selects every pod of its namespace, and no workload runs pods there",
          in: budget, at: path, help: help)
      ]
    }
    return [unmatched(terms, of: budget, at: path, in: namespace, help: help)]
  }

  /// A NetworkPolicy's `spec.podSelector` selects the pods of some workload. An empty
  /// selector is a policy for the whole namespace (a default deny, say) and holds even
  /// before any workload runs there.
  func checkNetworkPolicy(_ policy: RenderedResource, in namespace: String) -> [Diagnostic] {
    checkSelector(
      of: policy, at: [.key("spec"), .key("podSelector")], in: namespace,
      read: SelectorTerm.labelSelector,
      help: """
        fix the podSelector, or the pod template labels of the workload it is meant for: \
        a NetworkPolicy that selects no pods restricts nothing, so the pods it was \
        written for accept and send whatever other policies allow
        """)
  }

  /// The selector at `path` of `resource`, read by `read`, selects the pods of some
  /// workload; a missing or empty selector is not this check's to report.
  func checkSelector(
    of resource: RenderedResource, at path: [PathComponent], in namespace: String,
    read: (Node, [PathComponent]) -> [SelectorTerm]?, help: String
  ) -> [Diagnostic] {
    guard let selector = resource.body.value(at: path),
      let terms = read(selector, path), !terms.isEmpty,
      pods.pods(matching: terms, in: namespace).isEmpty
    else { return [] }
    return [unmatched(terms, of: resource, at: path, in: namespace, help: help)]
  }

  /// The finding for a selector that matches no workload's pods: at the first term no
  /// pod matches on its own, with a did-you-mean among the labels pods do carry; or, when
  /// each term matches some pods but none matches them all, at the whole selector, with
  /// the workload that comes closest.
  func unmatched(
    _ terms: [SelectorTerm], of resource: RenderedResource, at path: [PathComponent],
    in namespace: String, help: String
  ) -> Diagnostic {
    let name = resource.resource.displayName
    guard let term = terms.first(where: { !pods.hasPods(matching: $0, in: namespace) }) else {
      let verb = terms.allSatisfy(\.isPositive) ? "carry" : "match"
      var finding = context.finding(
        rule,
        "\(name) selects \(SelectorTerm.text(of: terms)), which no workload's pods \(verb) together",
        in: resource, at: path, help: help)
      if let closest = pods.closest(to: terms, in: namespace) {
        let workload = context.resources[closest.pods.resource]
        finding.related.append(
          Diagnostic.Related(
            "the pods of \(workload.resource.displayName) do not match \(SelectorTerm.text(of: closest.missing))",
            at: ValidationContext.location(of: closest.pods.labelsPath, in: workload)))
      }
      return finding
    }
    var message = "\(name) selects \(term.text), which no workload's pods "
    message += term.isPositive ? "carry" : "match"
    var related: Diagnostic.Related?
    switch term.requirement {
    case .equals(let key, let value) where !pods.values(of: key, in: namespace).isEmpty:
      if let near = Suggestion.nearest(to: value, in: pods.values(of: key, in: namespace)) {
        message += "; did you mean '\(near)'?"
        if let carrier = pods.firstPods(carrying: key, near, in: namespace) {
          let workload = context.resources[carrier.resource]
          related = Diagnostic.Related(
            "the pods of \(workload.resource.displayName) carry \(key)=\(near)",
            at: Self.labelLocation(key, at: carrier.labelsPath, in: workload))
        }
      }
    case .equals, .isIn, .exists:
      // No pod carries the key at all: the key itself may be misspelt.
      if pods.values(of: term.key, in: namespace).isEmpty {
        message += Suggestion.didYouMean(term.key, in: pods.keys(in: namespace))
      }
    case .notEquals, .notIn, .doesNotExist:
      break
    }
    var finding = context.finding(rule, message, in: resource, at: term.path, help: help)
    if let related { finding.related.append(related) }
    return finding
  }

  /// Where a pod label was written: its value, or its key when the value was made up
  /// (a label holding the service name has no input line of its own).
  static func labelLocation(
    _ key: String, at path: [PathComponent], in workload: RenderedResource
  ) -> SourceLocation {
    if let entry = workload.body.value(at: path)?.entry(key) {
      if entry.value.location.isKnown { return entry.value.location }
      if entry.keyLocation.isKnown { return entry.keyLocation }
    }
    return ValidationContext.location(of: path, in: workload)
  }

  // MARK: Named objects

  /// An Ingress's backends name Services that exist, on ports those Services have, and
  /// its TLS Secrets exist.
  func checkIngress(_ ingress: RenderedResource, in namespace: String) -> [Diagnostic] {
    let spec = ingress.body["spec"]
    var backends: [[PathComponent]] = []
    if spec?["defaultBackend"]?["service"] != nil {
      backends.append([.key("spec"), .key("defaultBackend"), .key("service")])
    }
    for (ruleIndex, rule) in (spec?["rules"]?.sequence ?? []).enumerated() {
      for (pathIndex, route) in (rule["http"]?["paths"]?.sequence ?? []).enumerated()
      where route["backend"]?["service"] != nil {
        backends.append([
          .key("spec"), .key("rules"), .index(ruleIndex), .key("http"), .key("paths"),
          .index(pathIndex), .key("backend"), .key("service"),
        ])
      }
    }
    var findings: [Diagnostic] = []
    for path in backends {
      guard let name = ingress.body.value(at: path + [.key("name")])?.string, !name.isEmpty else {
        continue
      }
      if let service = objects.resource("Service", group: "", named: name, in: namespace) {
        findings += checkPort(
          at: path + [.key("port")], of: ingress, on: context.resources[service])
      } else if objects.external("Service", named: name) == nil {
        findings.append(
          missing(
            "Service", group: "", named: name, by: ingress, at: path + [.key("name")],
            use: "routes to", in: namespace))
      }
    }
    for (index, tls) in (spec?["tls"]?.sequence ?? []).enumerated() {
      guard let name = tls["secretName"]?.string, !name.isEmpty,
        !objects.exists("Secret", group: "", named: name, in: namespace)
      else { continue }
      findings.append(
        missing(
          "Secret", group: "", named: name, by: ingress,
          at: [.key("spec"), .key("tls"), .index(index), .key("secretName")],
          use: "takes its TLS certificate from", in: namespace))
    }
    return findings
  }

  /// An Ingress backend's `port.number` is a `port` of the Service (not a targetPort),
  /// or its `port.name` the name of one.
  func checkPort(
    at path: [PathComponent], of ingress: RenderedResource, on service: RenderedResource
  ) -> [Diagnostic] {
    let ports = service.body["spec"]?["ports"]?.sequence ?? []
    let numbers = ports.compactMap { $0["port"]?.int }
    let names = ports.compactMap { $0["name"]?.string }
    let listing =
      ports.isEmpty
      ? "it has none"
      : "it has "
        + ports.map { port in
          let number = port["port"]?.scalar?.canonicalText ?? "?"
          return port["name"]?.string.map { "\(number) ('\($0)')" } ?? number
        }.joined(separator: ", ")
    let port = ingress.body.value(at: path)
    let prefix = "\(ingress.resource.displayName) routes to port"
    let target = "of \(service.resource.displayName), which has no such port"
    var finding: Diagnostic
    if let number = port?["number"]?.int {
      guard !numbers.contains(number) else { return [] }
      finding = context.finding(
        rule, "\(prefix) \(number) \(target) (\(listing))", in: ingress,
        at: path + [.key("number")],
        help: "use the `port` of one of the Service's spec.ports (not its targetPort), or its name")
    } else if let name = port?["name"]?.string {
      guard !names.contains(name) else { return [] }
      let near = Suggestion.nearest(to: name, in: names)
      finding = context.finding(
        rule,
        "\(prefix) '\(name)' \(target)"
          + (near.map { "; did you mean '\($0)'?" } ?? " (\(listing))"),
        in: ingress, at: path + [.key("name")],
        help: "use the name of one of the Service's spec.ports, or its port number")
    } else {
      return []
    }
    finding.related.append(
      Diagnostic.Related(
        "the ports of \(service.resource.displayName)",
        at: ValidationContext.location(of: [.key("spec"), .key("ports")], in: service)))
    return [finding]
  }

  /// A HorizontalPodAutoscaler's `scaleTargetRef` names a resource that exists.
  func checkAutoscaler(_ autoscaler: RenderedResource, in namespace: String) -> [Diagnostic] {
    let path: [PathComponent] = [.key("spec"), .key("scaleTargetRef")]
    guard let target = autoscaler.body.value(at: path), let kind = target["kind"]?.string,
      let name = target["name"]?.string, !kind.isEmpty, !name.isEmpty
    else { return [] }
    let group = target["apiVersion"]?.string.map(Resource.group(ofAPIVersion:))
    guard !objects.exists(kind, group: group, named: name, in: namespace) else { return [] }
    return [
      missing(
        kind, group: group, named: name, by: autoscaler, at: path + [.key("name")], use: "scales",
        in: namespace)
    ]
  }

  /// A ConfigMap, Secret or ServiceAccount a pod spec needs exists, and so do the keys it
  /// reads from a rendered ConfigMap or Secret.
  func checkPodReference(
    _ reference: PodReference, of resource: RenderedResource, in namespace: String
  ) -> [Diagnostic] {
    if let index = objects.resource(reference.kind, group: "", named: reference.name, in: namespace)
    {
      return checkKeys(reference, of: resource, in: context.resources[index])
    }
    if objects.external(reference.kind, named: reference.name) != nil { return [] }
    return [
      missing(
        reference.kind, group: "", named: reference.name, by: resource, at: reference.path,
        use: reference.use, in: namespace)
    ]
  }

  /// The keys `reference` reads exist in `object`'s data. An object rendered without any
  /// data is filled in the cluster (by a controller, say) and not checked.
  func checkKeys(
    _ reference: PodReference, of resource: RenderedResource, in object: RenderedResource
  ) -> [Diagnostic] {
    let fields = object.kind == "Secret" ? ["data", "stringData"] : ["data", "binaryData"]
    let present = fields.filter { object.body[$0]?.mapping != nil }
    guard !reference.keys.isEmpty, !present.isEmpty else { return [] }
    let keys = Set(present.flatMap { object.body[$0]?.mapping?.map(\.key) ?? [] })
    return reference.keys.filter { !keys.contains($0.name) }.map { key in
      var finding = context.finding(
        rule,
        "\(resource.resource.displayName) reads key '\(key.name)' of \(object.resource.displayName), which has no such key"
          + Suggestion.didYouMean(key.name, in: keys),
        in: resource, at: key.path,
        help: """
          fix the key, add it to the \(object.kind)'s \(present[0]), or mark the reference \
          optional: true
          """)
      finding.related.append(
        Diagnostic.Related(
          "the keys of \(object.resource.displayName)",
          at: ValidationContext.location(of: [.key(present[0])], in: object)))
      return finding
    }
  }

  /// The finding for a reference to an object that is neither rendered in `namespace`
  /// nor external: with a did-you-mean among the names of that kind that are, and the
  /// resource of that name in another namespace if there is one.
  func missing(
    _ kind: String, group: String?, named name: String, by resource: RenderedResource,
    at path: [PathComponent], use: String, in namespace: String
  ) -> Diagnostic {
    let subject = "\(resource.resource.displayName) \(use) \(kind)/\(name)"
    let elsewhere = objects.elsewhere(kind, group: group, named: name, notIn: namespace)
    if let other = elsewhere.first {
      let object = context.resources[other]
      var finding = context.finding(
        rule,
        "\(subject), which is in namespace '\(objects.namespaces[other])', not '\(namespace)'",
        in: resource, at: path,
        help: "references resolve within one namespace: put both in the same one")
      finding.related.append(
        Diagnostic.Related(
          "\(kind)/\(name) is rendered here",
          at: ValidationContext.location(of: [.key("metadata"), .key("name")], in: object)))
      return finding
    }
    let near = Suggestion.nearest(
      to: name, in: objects.names(of: kind, group: group, in: namespace))
    var finding = context.finding(
      rule,
      "\(subject), which environment '\(context.environment)' neither renders nor lists as external"
        + (near.map { "; did you mean '\($0)'?" } ?? ""),
      in: resource, at: path,
      help: """
        fix the name, or, if something else creates it in the cluster, add \
        `{kind: \(kind), name: \(name)}` under `external:` in \
        environments/\(context.environment)/environment.yaml
        """)
    if let near {
      if let index = objects.resource(kind, group: group, named: near, in: namespace) {
        finding.related.append(
          Diagnostic.Related(
            "\(kind)/\(near) is rendered here",
            at: ValidationContext.location(
              of: [.key("metadata"), .key("name")], in: context.resources[index])))
      } else if let object = objects.external(kind, named: near) {
        finding.related.append(
          Diagnostic.Related("\(kind)/\(near) is listed under external: here", at: object.location))
      }
    }
    return finding
  }
}
