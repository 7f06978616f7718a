/// Lists, for one resolved service, every value and every layer that set it (SPEC.md
/// section 3's order), from the layers the resolver kept.
public enum ValueExplainer {
  public static func histories(for resolved: ResolvedService) -> [ValueHistory] {
    var histories = serviceFields(resolved)
    histories += valueHistories(resolved)
    return histories
  }

  static func layerName(_ layer: ValueLayer) -> String {
    switch layer.kind {
    case .templateDefaults: "template default"
    case .service: "service"
    case .environmentDefaults: "defaults of \(layer.environment ?? "?")"
    case .environmentOverride: "override in \(layer.environment ?? "?")"
    }
  }

  /// version, image, namespace, enabled: service.yaml, then the overrides of the chain.
  static func serviceFields(_ resolved: ResolvedService) -> [ValueHistory] {
    let chain = resolved.environment.chain
    func overrideName(_ override: ServiceOverride) -> String {
      "override in \(override.environment)"
    }

    var histories: [ValueHistory] = []
    var version: [ValueHistory.Setting] = []
    var image: [ValueHistory.Setting] = []
    var namespace: [ValueHistory.Setting] = []
    var enabled: [ValueHistory.Setting] = []
    if let value = resolved.service.version { version.append(.init(layer: "service", value)) }
    if let value = resolved.service.image { image.append(.init(layer: "service", value)) }
    if let value = resolved.service.enabled { enabled.append(.init(layer: "service", value)) }
    for environment in chain {
      if let value = environment.namespace {
        namespace.append(.init(layer: "environment \(environment.name)", value))
      }
    }
    if case .template = resolved.service.source, resolved.service.image != nil {
      for environment in chain {
        if let value = environment.defaultVersion {
          version.append(.init(layer: "defaults in \(environment.name)", value))
        }
      }
    }
    for override in resolved.overrides {
      let name = overrideName(override)
      if let value = override.version { version.append(.init(layer: name, value)) }
      if let value = override.image { image.append(.init(layer: name, value)) }
      if let value = override.namespace { namespace.append(.init(layer: name, value)) }
      if let value = override.enabled { enabled.append(.init(layer: name, value)) }
    }
    for (path, settings) in [
      ("version", version), ("image", image), ("namespace", namespace), ("enabled", enabled),
    ]
    where !settings.isEmpty {
      histories.append(ValueHistory(path: path, value: settings.last?.value, settings: settings))
    }
    return histories
  }

  /// Every leaf of the resolved values, and every path a layer set or removed.
  static func valueHistories(_ resolved: ResolvedService) -> [ValueHistory] {
    var order: [String] = []
    var settings: [String: [ValueHistory.Setting]] = [:]
    func record(_ path: String, _ setting: ValueHistory.Setting) {
      if settings[path] == nil { order.append(path) }
      settings[path, default: []].append(setting)
    }
    for layer in resolved.layers {
      let name = layerName(layer)
      walkLeaves(layer.values, path: "values") { path, node in
        record(path, .init(layer: name, location: node.location, value: node.isNull ? nil : node))
      }
    }
    var finals: [String: Node] = [:]
    var finalOrder: [String] = []
    walkLeaves(resolved.values, path: "values") { path, node in
      finals[path] = node
      finalOrder.append(path)
    }
    // Resolved leaves first (in values order), then paths that ended up removed.
    var paths = finalOrder
    for path in order where finals[path] == nil && !paths.contains(path) {
      paths.append(path)
    }
    return paths.map { path in
      // A layer that set or removed a whole parent also decided this value.
      let relevant = order.filter { $0 == path || path.hasPrefix($0 + ".") }
      var collected: [ValueHistory.Setting] = []
      for layer in resolved.layers {
        let name = layerName(layer)
        for candidate in relevant {
          for setting in settings[candidate] ?? [] where setting.layer == name {
            collected.append(setting)
          }
        }
      }
      return ValueHistory(path: path, value: finals[path], settings: collected)
    }
  }

  /// Calls `visit` for scalars, lists and empty mappings: the values layers replace.
  static func walkLeaves(_ node: Node, path: String, visit: (String, Node) -> Void) {
    if let entries = node.mapping, !entries.isEmpty {
      for entry in entries {
        walkLeaves(entry.value, path: path + "." + entry.key, visit: visit)
      }
    } else {
      visit(path, node)
    }
  }
}
