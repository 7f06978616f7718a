/// Folds each environment's `inherits` chain, detecting cycles.
public enum EnvironmentResolver {
  /// Resolves every environment whose chain is sound, abstract ones included (their
  /// chains are needed by children, and `render explain` can show them).
  public static func resolve(
    _ platform: Platform
  ) -> (environments: [String: ResolvedEnvironment], diagnostics: [Diagnostic]) {
    var resolved: [String: ResolvedEnvironment] = [:]
    var diagnostics: [Diagnostic] = []
    var reportedCycles: Set<String> = []
    for name in platform.environmentNames {
      guard let environment = platform.environments[name] else { continue }
      var chain = [environment]
      var seen: Set<String> = [name]
      var current = environment
      // A broken environment's own error is reported by the parser; resolving it or its
      // children would add findings that follow from it.
      var broken = platform.brokenEnvironments.contains(name)
      while !broken, let parentName = current.inherits {
        guard let parent = platform.environments[parentName.value],
          !platform.brokenEnvironments.contains(parentName.value)
        else {
          broken = true  // reported by the parser
          break
        }
        if seen.contains(parent.name) {
          broken = true
          // Only the environments on the loop are the cycle: one that merely inherits into
          // it (`child -> a -> b -> a`) is not, and must not report the same cycle again.
          let start = chain.firstIndex { $0.name == parent.name } ?? chain.startIndex
          let members = chain[start...].map(\.name)
          let key = Set(members).sorted().joined(separator: ",")
          if reportedCycles.insert(key).inserted {
            diagnostics.append(
              .input(
                "environments inherit in a cycle: \((members + [parent.name]).joined(separator: " -> "))",
                at: parentName.location))
          }
          break
        }
        seen.insert(parent.name)
        chain.append(parent)
        current = parent
      }
      if broken { continue }
      chain.reverse()
      resolved[name] = fold(name: name, chain: chain, fileNames: platform.fileNames)
    }
    return (resolved, diagnostics)
  }

  static func fold(
    name: String, chain: [Environment], fileNames: SourceFileNames
  ) -> ResolvedEnvironment {
    var vars = Node(.mapping([]), at: fileNames.start(of: chain.last?.file ?? ""))
    var labels = vars
    var annotations = vars
    var namespace: Located<String>?
    var cluster: Located<String>?
    var external: [ExternalObject] = []
    var resources: [String: ManifestFile] = [:]
    for environment in chain {
      if let patch = environment.vars { vars = MergePatch.apply(patch, to: vars) }
      if let patch = environment.labels { labels = MergePatch.apply(patch, to: labels) }
      if let patch = environment.annotations {
        annotations = MergePatch.apply(patch, to: annotations)
      }
      namespace = environment.namespace ?? namespace
      cluster = environment.cluster ?? cluster
      external += environment.external
      for file in environment.resources {
        let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
        resources[fileName] = file
      }
    }
    var resolved = ResolvedEnvironment(
      name: name, chain: chain, namespace: namespace, cluster: cluster, vars: vars, labels: labels,
      external: external, resources: resources.keys.sorted().compactMap { resources[$0] })
    resolved.annotations = annotations
    return resolved
  }
}
