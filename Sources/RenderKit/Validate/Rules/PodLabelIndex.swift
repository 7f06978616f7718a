/// The pod labels of an environment's workloads, per namespace, indexed by label so that
/// a selector looks only at the pods that carry one of its labels instead of at every
/// workload (environments have thousands).
struct PodLabelIndex: Sendable {
  /// The pods of one workload.
  struct Pods: Sendable {
    /// Index into `ValidationContext.resources`.
    var resource: Int
    var labels: [String: String]
    /// The pod template's `labels` mapping in the resource.
    var labelsPath: [PathComponent]
  }

  /// The workloads of one namespace. Postings are indexes into `pods`, ascending.
  struct Namespace: Sendable {
    var pods: [Pods] = []
    var byLabel: [String: [String: [Int]]] = [:]
    var byKey: [String: [Int]] = [:]
  }

  /// Pods, and the terms of a selector they do not match.
  typealias Match = (pods: Pods, missing: [SelectorTerm])

  private(set) var namespaces: [String: Namespace] = [:]

  /// - Parameter namespaces: the namespace each resource is (or will be) in, by index.
  /// - Parameter templates: each resource's pod template (`ValidationContext.podTemplates`).
  init(_ templates: [PodTemplate?], namespaces namespaceOf: [String]) {
    for (index, template) in templates.enumerated() {
      guard let template else { continue }
      let labelsPath = template.metadataPath + [.key("labels")]
      var labels: [String: String] = [:]
      for entry in template.metadata?["labels"]?.mapping ?? [] {
        labels[entry.key] = SelectorTerm.labelValue(entry.value)
      }
      // Mutated in place: a copy taken out of the dictionary would copy its arrays on
      // every append.
      namespaces[namespaceOf[index], default: Namespace()].add(
        Pods(resource: index, labels: labels, labelsPath: labelsPath))
    }
  }

  /// The pods in `namespace` that every term selects; an empty list of terms selects
  /// them all.
  func pods(matching terms: [SelectorTerm], in namespace: String) -> [Pods] {
    guard let pods = namespaces[namespace] else { return [] }
    return pods.candidates(for: terms).map { pods.pods[$0] }.filter { candidate in
      terms.allSatisfy { $0.requirement.matches(candidate.labels) }
    }
  }

  /// Whether some pod in `namespace` matches `term` on its own.
  func hasPods(matching term: SelectorTerm, in namespace: String) -> Bool {
    guard let pods = namespaces[namespace] else { return false }
    let total = pods.pods.count
    switch term.requirement {
    case .equals, .isIn, .exists:
      return pods.count(term) > 0
    case .notEquals(let key, let value):
      return (pods.byLabel[key]?[value]?.count ?? 0) < total
    case .notIn(let key, let values):
      return values.reduce(0) { $0 + (pods.byLabel[key]?[$1]?.count ?? 0) } < total
    case .doesNotExist(let key):
      return (pods.byKey[key]?.count ?? 0) < total
    }
  }

  /// The values pods in `namespace` carry for `key`: the candidates of a did-you-mean
  /// for a value.
  func values(of key: String, in namespace: String) -> [String] {
    namespaces[namespace]?.byLabel[key].map { Array($0.keys) } ?? []
  }

  /// Every label key pods in `namespace` carry: the candidates of a did-you-mean for a
  /// key.
  func keys(in namespace: String) -> [String] {
    namespaces[namespace].map { Array($0.byKey.keys) } ?? []
  }

  /// The first pods (in resource order) in `namespace` that carry `key=value`.
  func firstPods(carrying key: String, _ value: String, in namespace: String) -> Pods? {
    guard let pods = namespaces[namespace], let first = pods.byLabel[key]?[value]?.first else {
      return nil
    }
    return pods.pods[first]
  }

  /// The pods that match the most of `terms`, among those that carry the rarest label a
  /// positive term asks for (looking at every pod would make a broken environment
  /// quadratic): the workload a selector was probably meant for.
  func closest(to terms: [SelectorTerm], in namespace: String) -> Match? {
    guard let pods = namespaces[namespace] else { return nil }
    let rarest = terms.filter { $0.isPositive && pods.count($0) > 0 }.min {
      pods.count($0) < pods.count($1)
    }
    guard let rarest else { return nil }
    var best: Match?
    for position in pods.candidates(for: [rarest]) {
      let candidate = pods.pods[position]
      let missing = terms.filter { !$0.requirement.matches(candidate.labels) }
      if missing.count < best?.missing.count ?? Int.max { best = (candidate, missing) }
    }
    return best
  }
}

extension PodLabelIndex.Namespace {
  mutating func add(_ workload: PodLabelIndex.Pods) {
    let position = pods.count
    pods.append(workload)
    for (key, value) in workload.labels {
      byLabel[key, default: [:]][value, default: []].append(position)
      byKey[key, default: []].append(position)
    }
  }

  /// Positions of the pods that can match `terms`: the postings of the positive term
  /// with the fewest, or every pod when there is none. Only that term's postings are
  /// gathered, so a label every pod carries costs nothing.
  func candidates(for terms: [SelectorTerm]) -> [Int] {
    var best: (term: SelectorTerm, count: Int)?
    for term in terms where term.isPositive {
      let count = count(term)
      if count < best?.count ?? Int.max { best = (term, count) }
    }
    guard let best else { return Array(pods.indices) }
    switch best.term.requirement {
    case .equals(let key, let value):
      return byLabel[key]?[value] ?? []
    case .isIn(let key, let values):
      return values.flatMap { byLabel[key]?[$0] ?? [] }.sorted()
    case .exists(let key):
      return byKey[key] ?? []
    case .notEquals, .notIn, .doesNotExist:
      return Array(pods.indices)
    }
  }

  /// How many pods carry what a positive term asks for.
  func count(_ term: SelectorTerm) -> Int {
    switch term.requirement {
    case .equals(let key, let value):
      byLabel[key]?[value]?.count ?? 0
    case .isIn(let key, let values):
      values.reduce(0) { $0 + (byLabel[key]?[$1]?.count ?? 0) }
    case .exists(let key):
      byKey[key]?.count ?? 0
    case .notEquals, .notIn, .doesNotExist:
      pods.count
    }
  }
}
