/// The whole pipeline from a loaded repository to the files to write, one stage type to
/// the next: `Repository` -(Parse)-> `Platform` -(Resolve)-> `ResolvedPlatform`
/// -(Template, Transform, Patch)-> `[RenderedEnvironment]` -(Validate)->
/// `[ValidatedEnvironment]` -(Output)-> `EmittedFiles` -> `OutputPlan`.
///
/// Pure: no stage here touches the disk. Environments render in parallel; each is
/// independent of the others.
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

  public static func compile(
    _ platform: Platform, diagnostics parseDiagnostics: [Diagnostic],
    options: BuildOptions = BuildOptions(), schema bundled: KubernetesSchema
  ) async -> Compilation {
    var stopwatch = Stopwatch()
    let schema = PlatformSchema(platform, bundled: bundled, strict: options.strict)
    let resolved = await ResolvedPlatform.resolve(
      platform, environments: options.environments, progress: options.progress)
    stopwatch.lap("resolve")
    let rendered = await RenderedEnvironment.render(
      resolved, schema: schema, progress: options.progress)
    stopwatch.lap("render and patch")
    let output = platform.settings.output
    let validated = await ValidatedEnvironment.validate(
      rendered, schema: schema, output: output, services: options.services)
    stopwatch.lap("validate")
    let files = await EmittedFiles.emit(
      validated, folder: output, services: options.services, fileNames: platform.fileNames,
      progress: options.progress)
    stopwatch.lap("emit files")
    let plan = OutputPlan.make(
      files: files, environments: validated, resolved: resolved, schema: schema, options: options)
    stopwatch.lap("reconcilers and versions")
    let diagnostics =
      parseDiagnostics + schema.diagnostics + resolved.diagnostics
      + validated.flatMap(\.diagnostics) + files.diagnostics + plan.diagnostics
    return Compilation(
      resolved: resolved, validated: validated, tree: plan.tree,
      diagnostics: deduplicated(diagnostics, in: platform.fileNames), stageTimes: stopwatch.laps)
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
