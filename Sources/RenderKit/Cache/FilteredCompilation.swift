/// A filtered build's result (`--env`, `--service`) taken from the whole platform's
/// compile of the same inputs, instead of compiling: `CompilationCache` tries it when a
/// filtered build has no entry of its own but the whole-platform entry matches.
///
/// A filtered build renders its environments whole (every service, so that patches and
/// rules see what they see in a full build), checks and writes only its services, and
/// records in versions.yaml what it renders over what `rendered/versions.yaml` recorded
/// for the rest. So its files are the full build's files under the paths it owns, and
/// its versions.yaml is the full build's versions merged the same way. Its findings are
/// those of the full build about its services, plus every finding of parsing and
/// resolving: when the full build found nothing, neither does it; with findings, which of
/// them concern the filtered services is not kept, and it compiles.
enum FilteredCompilation {
  /// - Parameters:
  ///   - whole: the unfiltered compile of the same inputs, with the same `strict` and
  ///     output folder.
  ///   - options: the filtered build's options (`previousVersions` included).
  static func derive(from whole: CachedCompilation, options: BuildOptions) -> CachedCompilation? {
    guard whole.diagnostics.isEmpty,
      !options.environments.isEmpty || !options.services.isEmpty,
      let versionsFile = whole.tree.files.first(where: { $0.path == VersionsFile.path })
    else { return nil }
    let rendered = whole.resourceCounts.keys.sorted()
    let selected =
      options.environments.isEmpty
      ? rendered : rendered.filter { options.environments.contains($0) }
    var tree = OutputTree(
      folder: whole.tree.folder, files: [],
      ownedPrefixes: OutputPlan.ownedPrefixes(selected: selected, options: options),
      foreignPrefixes: whole.tree.foreignPrefixes)
    let fresh = VersionsFile.read(versionsFile.contents).mapValues {
      $0.mapValues { Located($0, at: .generated) }
    }
    let services = options.services
    let versions = VersionsFile.make(
      VersionsFile.merging(fresh, into: options.previousVersions) { environment, service in
        selected.contains(environment) && (services.isEmpty || services.contains(service))
      })
    // In the whole tree's order (by path), versions.yaml where it was.
    tree.files = whole.tree.files.compactMap { file in
      file.path == VersionsFile.path ? versions : tree.owns(file.path) ? file : nil
    }
    return CachedCompilation(
      tree: tree, diagnostics: [],
      resourceCounts: whole.resourceCounts.filter { selected.contains($0.key) })
  }
}
