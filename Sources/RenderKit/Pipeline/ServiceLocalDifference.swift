import YAML

/// Whether two renderings of a resource differ only where nothing outside the resource
/// looks: `ChangedServicesCompile`'s test that a service's change (a version bump,
/// typically) reached nothing another service, a patch target or an environment-wide
/// rule reads. Allowed to differ, in value only (never in being there, or in type):
///
/// - the `image` of a container (an item of a `containers`, `initContainers` or
///   `ephemeralContainers` list, at any depth, so every workload kind and custom
///   resources that embed a pod template are covered);
/// - the `value` of an item of a container's `env` (read only by the container's own
///   checks);
/// - the value of a label (`labels` of any `metadata`) whose key `labelMayDiffer`
///   allows: the keys no selector of the environment names (`SelectorKeys`), since
///   rules and patches compare labels only through selectors.
///
/// Everything else must be equal, scalar types included: names, kinds, namespaces,
/// annotations, ConfigMap and Secret data, selectors, ports. Locations and scalar styles
/// do not count (an earlier build's resource is read back from its file); the order of
/// mapping keys does.
enum ServiceLocalDifference {
  static let containerLists: Set<String> = ["containers", "initContainers", "ephemeralContainers"]

  static func holds(
    between earlier: Node, and later: Node, labelMayDiffer: @escaping (String) -> Bool
  ) -> Bool {
    Comparison(labelMayDiffer: labelMayDiffer).equal(earlier, later, as: .other)
  }

  /// What a node is, for what of it may differ.
  private enum Role {
    case other, container, containerEnvironment, metadata, labels
  }

  private struct Comparison {
    let labelMayDiffer: (String) -> Bool

    func equal(_ earlier: Node, _ later: Node, as role: Role) -> Bool {
      switch (earlier.content, later.content) {
      case (.scalar(let a, _), .scalar(let b, _)):
        // The same type too: `2` and `2.0` are told apart (style is not compared: the
        // earlier resource is read back from the file the emitter wrote).
        return a == b
      case (.sequence(let a), .sequence(let b)):
        let itemRole: Role =
          switch role {
          case .container: .container
          case .containerEnvironment: .containerEnvironment
          default: .other
          }
        return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1, as: itemRole) }
      case (.mapping(let a), .mapping(let b)):
        guard a.count == b.count else { return false }
        for (first, second) in zip(a, b) {
          guard first.key.hasSameBytes(as: second.key) else { return false }
          if mayDifferInValue(first.key, in: role) {
            guard first.value.string != nil, second.value.string != nil else { return false }
            continue
          }
          guard equal(first.value, second.value, as: Self.role(of: first.key, in: role))
          else { return false }
        }
        return true
      default:
        return false
      }
    }

    /// Whether the string value at `key` of a mapping in `role` may differ.
    private func mayDifferInValue(_ key: String, in role: Role) -> Bool {
      switch role {
      case .container: key == "image"
      case .containerEnvironment: key == "value"
      case .labels: labelMayDiffer(key)
      case .other, .metadata: false
      }
    }

    /// The role of the value at `key` of a mapping in `role`; a sequence's items take
    /// `.container` or `.containerEnvironment` from it.
    private static func role(of key: String, in role: Role) -> Role {
      if containerLists.contains(key) { return .container }
      switch (role, key) {
      case (.container, "env"): return .containerEnvironment
      case (_, "metadata"): return .metadata
      case (.metadata, "labels"): return .labels
      default: return .other
      }
    }
  }
}
