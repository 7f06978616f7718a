/// Layers a service's ConfigMap and Secret generators along the environment chain, as
/// kustomize overlays do: service.yaml's first, then each override's from root to leaf,
/// each by its `behavior` (`create`, the default; `merge`; `replace`).
enum GeneratorMerger {
  static func merge(
    _ base: [ConfigGenerator], overrides: [ServiceOverride]
  ) -> (generators: [ConfigGenerator], diagnostics: [Diagnostic]) {
    var generators = base
    var diagnostics: [Diagnostic] = []
    for override in overrides {
      for generator in override.generators {
        let index = generators.firstIndex {
          $0.kind == generator.kind && $0.name.value == generator.name.value
        }
        let behavior = generator.behavior?.value ?? .create
        switch (behavior, index) {
        case (.create, let index?):
          diagnostics.append(
            .input(
              "\(generator.kind.rawValue) '\(generator.name.value)' is already generated; an override changes it with 'behavior: merge' or 'behavior: replace'",
              at: generator.name.location,
              related: [.init("generated here", at: generators[index].name.location)]))
        case (.create, nil):
          generators.append(generator)
        case (.merge, nil), (.replace, nil):
          let names = generators.filter { $0.kind == generator.kind }.map(\.name.value)
          diagnostics.append(
            .input(
              "'behavior: \(behavior.rawValue)' needs an earlier \(generator.kind.key) named '\(generator.name.value)', and there is none"
                + Suggestion.didYouMean(generator.name.value, in: names),
              at: generator.behavior?.location ?? generator.name.location))
        case (.merge, let index?):
          var merged = generators[index]
          for entry in generator.entries {
            if let existing = merged.entries.firstIndex(where: { $0.key == entry.key }) {
              merged.entries[existing] = entry
            } else {
              merged.entries.append(entry)
            }
          }
          merged.type = generator.type ?? merged.type
          merged.disableNameSuffixHash =
            generator.disableNameSuffixHash ?? merged.disableNameSuffixHash
          generators[index] = merged
        case (.replace, let index?):
          var replaced = generator
          replaced.type = generator.type ?? generators[index].type
          replaced.disableNameSuffixHash =
            generator.disableNameSuffixHash ?? generators[index].disableNameSuffixHash
          generators[index] = replaced
        }
      }
    }
    return (generators, diagnostics)
  }
}
