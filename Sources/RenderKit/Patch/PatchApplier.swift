/// Applies patches to the rendered resources of one scope (a service in an environment,
/// or an environment's own resources).
///
/// Patches apply in order, each to every resource its target matches at that point, so
/// a later patch sees the earlier patches' changes. A patch that matches nothing is an
/// error, not a silent no-op: it is almost always a typo or a renamed resource. A patch
/// written with `optional: true` may match nothing (its resource exists only under some
/// values).
public struct PatchApplier: Sendable {
  public let strategies: any MergeStrategyProvider
  /// Whether a patch that matches nothing is reported: not over a partial platform
  /// (`Platform.isPartial`), where its target may be a service left out.
  public let reportsUnmatched: Bool
  private let merge: StrategicMerge

  public init(strategies: any MergeStrategyProvider, reportsUnmatched: Bool = true) {
    self.strategies = strategies
    self.reportsUnmatched = reportsUnmatched
    merge = StrategicMerge(strategies: strategies)
  }

  /// Applies patches in order to every resource each one matches. A patch that matches
  /// no resource is an error that says where the patch is, what it targeted, and lists
  /// the candidate resources as Kind/name. A merge patch with `$patch: delete` at its
  /// top removes the resources it matches.
  /// - Parameter scope: names what was searched, for messages, e.g. "service 'checkout'
  ///   in environment 'prod'".
  public func apply(
    _ patches: [Patch], to resources: inout [Resource], scope: String
  )
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    for patch in patches {
      let matched = resources.indices.filter { patch.target.matches(resources[$0]) }
      guard !matched.isEmpty else {
        if !patch.isOptional && reportsUnmatched {
          diagnostics.append(noMatch(patch, in: resources, scope: scope))
        }
        continue
      }
      // One mistake in a patch that matches many resources is reported once.
      var seen: Set<Diagnostic> = []
      var deleted: [Int] = []
      for index in matched {
        let found: [Diagnostic]
        switch patch.operation {
        case .merge(let node):
          let result = merge.apply(node, to: resources[index].body)
          if let body = result.body {
            resources[index].body = body
          } else {
            deleted.append(index)
          }
          found = result.diagnostics
        case .json(let operations):
          found = JSONPatch.apply(
            operations, to: &resources[index].body, resource: resources[index].displayName)
        }
        for diagnostic in found where seen.insert(diagnostic).inserted {
          diagnostics.append(diagnostic)
        }
      }
      for index in deleted.reversed() { resources.remove(at: index) }
    }
    return diagnostics
  }

  /// The "matches nothing" error: the target, a did-you-mean for the first field that
  /// no resource has, and the resources that were there.
  func noMatch(_ patch: Patch, in resources: [Resource], scope: String) -> Diagnostic {
    let target = patch.target
    let location = target.location.isKnown ? target.location : patch.location
    var message = "patch target \(target) matches nothing in \(scope)"
    if let hint = hint(for: target, in: resources) { message += "; \(hint)" }
    var names: [String] = []
    var seen: Set<String> = []
    for resource in resources where seen.insert(resource.displayName).inserted {
      names.append(resource.displayName)
    }
    let help: String
    if names.isEmpty {
      help = "\(scope) has no resources"
    } else {
      let limit = 20
      var listed = names.prefix(limit).joined(separator: ", ")
      if names.count > limit { listed += " and \(names.count - limit) more" }
      help = "resources there: \(listed)"
    }
    return .input(message, at: location, help: help)
  }

  /// "did you mean kind 'Deployment'?" for the first of kind, name and service that no
  /// resource has.
  private func hint(for target: PatchTarget, in resources: [Resource]) -> String? {
    var candidates = resources
    if let kind = target.kind {
      let sameKind = candidates.filter { $0.kind == kind }
      if sameKind.isEmpty {
        return Suggestion.nearest(to: kind, in: Set(candidates.map(\.kind)).sorted()).map {
          "did you mean kind '\($0)'?"
        }
      }
      candidates = sameKind
    }
    if let name = target.name, !name.contains("*") {
      let sameName = candidates.filter { $0.name == name }
      if sameName.isEmpty {
        return Suggestion.nearest(to: name, in: Set(candidates.map(\.name)).sorted()).map {
          "did you mean name '\($0)'?"
        }
      }
      candidates = sameName
    }
    if let service = target.service, !service.contains("*"),
      !candidates.contains(where: { $0.service == service })
    {
      return Suggestion.nearest(to: service, in: Set(candidates.compactMap(\.service)).sorted())
        .map { "did you mean service '\($0)'?" }
    }
    return nil
  }
}
