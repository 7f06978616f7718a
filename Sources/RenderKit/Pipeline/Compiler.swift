/// The whole pipeline from a loaded repository to the files to write, one stage type to
/// the next: `Repository` -(Parse)-> `Platform` -(Resolve)-> `ResolvedPlatform`
/// -(Template, Transform, Patch)-> `[RenderedEnvironment]` -(Validate)->
/// `[ValidatedEnvironment]` -(Output)-> `EmittedFiles` -> `OutputPlan`.
///
/// Pure: no stage here touches the disk. Environments render in parallel; each is
/// independent of the others, so one compiled before can be reused (`reusing`).
public enum Compiler {
  /// - Parameter schema: the Kubernetes schemas (usually from `BundledSchema`);
  ///   the platform's CRDs are added to it.
  public static func compile(
    _ repository: Repository, options: BuildOptions = BuildOptions(), schema: KubernetesSchema
  ) async -> Compilation {
    let (platform, parseDiagnostics) = PlatformParser.parse(repository)
    return await compile(
      platform, diagnostics: parseDiagnostics, options: options, schema: schema)
  }

  /// - Parameter reused: an environment's share of an earlier compile of the same
  ///   inputs (`CompilationCache` checks that they are), or `nil` to compile it. Asked
  ///   once for each concrete environment; the environments it answers for are not
  ///   resolved, rendered, validated or emitted again.
  public static func compile(
    _ platform: Platform, diagnostics parseDiagnostics: [Diagnostic],
    options: BuildOptions = BuildOptions(), schema bundled: KubernetesSchema,
    reusing reused: (ResolvedEnvironment) -> CompiledEnvironment? = { _ in nil }
  ) async -> Compilation {
    var stopwatch = Stopwatch()
    let schema = PlatformSchema(platform, bundled: bundled, strict: options.strict)
    let resolved = await ResolvedPlatform.resolve(
      platform, environments: options.environments, progress: options.progress,
      reusing: reused)
    stopwatch.lap("resolve")
    let reusing = resolved.reused.filter { resolved.rendered.contains($0.key) }
    let rendered = await RenderedEnvironment.render(
      resolved, only: resolved.rendered.filter { reusing[$0] == nil }, schema: schema,
      progress: options.progress)
    stopwatch.lap("render and patch")
    let output = platform.settings.output
    let validated = await ValidatedEnvironment.validate(
      rendered, schema: schema, output: output, services: options.services)
    stopwatch.lap("validate")
    let files = await EmittedFiles.emit(
      validated, folder: output, services: options.services, fileNames: platform.fileNames,
      progress: options.progress)
    stopwatch.lap("emit files")
    var compiled = reusing
    // Each environment's outline and selector keys walk its resources: one core each.
    let shares = await Array(zip(validated, files.environments)).concurrentMap(
      chunks: validated.count
    ) { environment, emitted in
      CompiledEnvironment(environment, emitted: emitted, resolved: resolved)
    }
    for share in shares { compiled[share.name] = share }
    let environments = resolved.rendered.compactMap { compiled[$0] }
    let plan = OutputPlan.make(
      environments: environments, resolved: resolved, schema: schema, options: options)
    stopwatch.lap("reconcilers and versions")
    let diagnostics =
      parseDiagnostics + schema.diagnostics + resolved.diagnostics
      + environments.flatMap(\.diagnostics) + environments.flatMap(\.placementDiagnostics)
      + plan.diagnostics
    return Compilation(
      resolved: resolved, validated: validated, compiled: environments,
      reused: Set(reusing.keys), tree: plan.tree,
      diagnostics: deduplicated(diagnostics, in: platform.fileNames),
      stageTimes: stopwatch.laps)
  }

  /// Drops repeats of one finding (an error in service.yaml is found once per
  /// environment) and sorts the rest.
  static func deduplicated(
    _ diagnostics: [Diagnostic], in fileNames: SourceFileNames
  ) -> [Diagnostic] {
    struct Key: Hashable {
      var severity: Diagnostic.Severity
      var rule: RuleID
      var message: String
      var location: SourceLocation
    }
    var seen: Set<Key> = []
    var result: [Diagnostic] = []
    for diagnostic in diagnostics {
      let key = Key(
        severity: diagnostic.severity, rule: diagnostic.rule, message: diagnostic.message,
        location: diagnostic.location)
      if seen.insert(key).inserted { result.append(diagnostic) }
    }
    return result.sortedForOutput(in: fileNames)
  }
}
