import YAML

/// A whole-platform compile that differs from an earlier one only in the inputs of a few
/// services (a version bump in `services/<name>/`, or a pin `set-version` wrote in an
/// environment), answered by compiling those services alone and putting their files in
/// the earlier result, when that is provably what a full compile gives.
/// `CompilationCache` tries it before compiling everything; `nil` means it cannot tell,
/// and the full compile runs.
///
/// What compiles a changed service is `ServiceSlice`'s partial platform (the service,
/// and the services whose generated ConfigMaps or checksums can change its resources)
/// through the build's own stages, in every environment. Its resources may then differ
/// from the earlier compile's only where nothing outside the resource looks
/// (`ServiceLocalDifference`: container images and env values, labels no selector names),
/// so the other services' files and every finding that compares services stay what they
/// were, and only what reads those fields is done again: the resource's own checks
/// (schema and the rules of one resource), its files, and versions.yaml. The earlier
/// compile must have had no findings at all, and the services' new compile must find
/// nothing either: otherwise which findings still hold is not known without the full
/// compile.
enum ChangedServicesCompile {
  /// How many services may change for this path to be tried: more than a handful is a
  /// platform-wide change, which the full compile (and its per-environment reuse) serves.
  static let serviceLimit = 8

  /// - Parameters:
  ///   - changed: the services whose inputs differ from `previous`'s: their folders, or
  ///     their pins in an environment (everything else is the same: `CompilationFrame`
  ///     says so).
  ///   - previous: the earlier compile's result, for the same options.
  ///   - selectorKeys: the label keys each environment's selectors name in `previous`
  ///     (`CompiledEnvironment.selectorKeys`); in an environment without them, no label
  ///     may change.
  static func compile(
    _ loaded: LoadedRepository, changed: Set<String>, previous: CachedCompilation,
    selectorKeys: [String: [String]], options: BuildOptions,
    schema bundled: @Sendable () async -> KubernetesSchema
  ) async -> CachedCompilation? {
    guard !changed.isEmpty, changed.count <= serviceLimit, previous.diagnostics.isEmpty,
      options.environments.isEmpty, options.services.isEmpty,
      previous.tree.folder == loaded.settings.output
    else { return nil }
    let seen = changed.union(ServiceSlice.renderingDependencies(of: changed, in: loaded))
    guard seen.count <= 2 * serviceLimit else { return nil }
    var (platform, parseDiagnostics) = PlatformParser.parse(loaded.repository, services: seen)
    platform.settings = loaded.settings
    guard parseDiagnostics.isEmpty, platform.brokenServices.isEmpty,
      changed.allSatisfy({ platform.services[$0] != nil })
    else { return nil }
    let resolved = await ResolvedPlatform.resolve(platform)
    guard resolved.diagnostics.isEmpty, resolved.unresolved.isEmpty,
      Set(resolved.rendered) == Set(previous.resourceCounts.keys)
    else { return nil }
    let schema = PlatformSchema(platform, bundled: await bundled(), strict: options.strict)
    guard schema.diagnostics.isEmpty else { return nil }
    let rendered = await RenderedEnvironment.render(resolved, schema: schema)
    guard rendered.allSatisfy({ $0.diagnostics.isEmpty }) else { return nil }

    let output = loaded.settings.output
    let fileNames = platform.fileNames
    var replacements: [Int: OutputFile] = [:]
    let files = previous.tree.files
    let validator = schema.validator
    let ownParts = (0..<validator.partCount).filter { part in
      part == 0 || !environmentRuleIDs.contains(validator.rules[part - 1].id)
    }
    for environment in rendered {
      let selected = selectorKeys[environment.name].map(Set.init)
      for service in changed.sorted() {
        // A patch target that selects by label may match by any label.
        let patchesSelect =
          resolved.services[environment.name]?[service].map { resolvedService in
            PatchLayer.all(for: resolvedService).contains { layer in
              layer.patches.contains { $0.target.labelSelector != nil }
            }
          } ?? true
        let labelMayDiffer: (String) -> Bool = { key in
          !patchesSelect && selected.map { !$0.contains(key) } == true
        }
        let resources = environment.resources.filter { $0.service == service }
        let paths = resources.map(ResourcePath.path(for:))
        // The tree is sorted by path: the service folder's files are one run of it, found
        // by binary search. The same files: nothing was added or removed.
        let run = Self.run(startingWith: "\(environment.name)/\(service)/", in: files)
        guard paths.sorted().elementsEqual(files[run].lazy.map(\.path)) else { return nil }
        let positions = Dictionary(uniqueKeysWithValues: run.map { (files[$0].path, $0) })
        for (resource, path) in zip(resources, paths) {
          guard let position = positions[path],
            let earlier = Self.body(of: files[position]),
            ServiceLocalDifference.holds(
              between: earlier, and: resource.body, labelMayDiffer: labelMayDiffer)
          else { return nil }
          replacements[position] = OutputPlanner.file(
            at: path, for: resource, source: fileNames.path(of: resource.source.fileID))
        }
        let context = ValidationContext(
          environment: environment.name, namespace: environment.environment.namespace?.value,
          resources: zip(resources, paths).map {
            RenderedResource(resource: $0, path: output + "/" + $1)
          },
          external: environment.environment.external,
          policy: PolicySettings(chain: environment.environment.chain), scope: schema.scope,
          serviceNamespaces: resolved.services[environment.name]?[service]?.namespace.map {
            [service: $0.value]
          } ?? [:])
        for part in ownParts where !validator.validate(context, part: part).isEmpty {
          return nil
        }
      }
    }
    guard
      let versionsPosition = Self.run(startingWith: VersionsFile.path, in: files).first(where: {
        files[$0].path == VersionsFile.path
      })
    else { return nil }
    replacements[versionsPosition] = Self.versionsFile(
      files[versionsPosition], changed: changed, resolved: resolved)
    var tree = previous.tree
    for (position, file) in replacements { tree.files[position] = file }
    return CachedCompilation(tree: tree, diagnostics: [], resourceCounts: previous.resourceCounts)
  }

  /// The ids of the rules that compare the resources of an environment: a changed
  /// image cannot change what they find (see the type's comment).
  private static let environmentRuleIDs = Set(RuleCatalog.environmentRules.map(\.id))

  /// The positions of the files (sorted by path) whose paths start with `prefix`: one
  /// run, found by binary search.
  static func run(startingWith prefix: String, in files: [OutputFile]) -> Range<Int> {
    var low = 0
    var high = files.count
    while low < high {
      let middle = (low + high) / 2
      if files[middle].path < prefix { low = middle + 1 } else { high = middle }
    }
    var end = low
    while end < files.count, files[end].path.hasPrefix(prefix) { end += 1 }
    return low..<end
  }

  /// The resource an earlier build wrote to `file`, read back.
  private static func body(of file: OutputFile) -> Node? {
    guard let (_, body) = GeneratedHeader.split(file.contents),
      let documents = try? YAMLParser.parse(
        String(body), file: file.path, fileNames: SourceFileNames()),
      documents.count == 1
    else { return nil }
    return documents[0]
  }

  /// The earlier versions.yaml (which `VersionsFile.make` wrote: it reads back to what
  /// it was made of) with the changed services' rows as `resolved` has them.
  private static func versionsFile(
    _ earlier: OutputFile, changed: Set<String>, resolved: ResolvedPlatform
  ) -> OutputFile {
    var versions = VersionsFile.read(earlier.contents).mapValues {
      $0.mapValues { Located($0, at: .generated) }
    }
    for environment in resolved.rendered {
      for service in changed {
        if let version = resolved.versions[environment]?[service] {
          versions[environment, default: [:]][service] = version
        } else {
          versions[environment]?[service] = nil
        }
      }
    }
    return VersionsFile.make(versions)
  }
}
