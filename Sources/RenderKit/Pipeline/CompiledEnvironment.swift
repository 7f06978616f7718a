/// One rendered environment's share of a compile: what depends only on its own inputs
/// (the platform's templates, services, render.yaml and CRDs, and the environment folders
/// of its `inherits` chain), never on the other environments. `CompilationCache` keeps
/// one per environment and hands it back through `Compiler.compile(reusing:)`, which then
/// does not resolve its services, nor render, validate or emit it.
///
/// What looks across environments (versions.yaml, the Argo CD and Flux objects, which
/// paths the run owns) is not here: every compile computes it afresh from the resolved
/// platform and each environment's `outline`.
public struct CompiledEnvironment: Sendable {
  public var name: String
  /// What resolving its services found (no errors: it rendered).
  public var resolveDiagnostics: [Diagnostic]
  /// The image reference of every enabled service with one: its row of versions.yaml.
  public var versions: [String: Located<String>]
  /// The environment's files (`<env>/...`), in the order they were emitted.
  public var files: [OutputFile]
  /// What rendering, patching and validating the environment found.
  public var diagnostics: [Diagnostic]
  /// What placing its resources in files found (two resources for one file).
  public var placementDiagnostics: [Diagnostic]
  /// How many resources it rendered (what `validate` reports).
  public var resourceCount: Int
  /// What reconciler output needs of its resources.
  public var outline: ResourceOutline
  /// The label keys its selectors can name (`SelectorKeys`), sorted; `nil` when not
  /// known, which tells `ChangedServicesCompile` that every label counts.
  public var selectorKeys: [String]?

  public init(
    name: String, resolveDiagnostics: [Diagnostic], versions: [String: Located<String>],
    files: [OutputFile], diagnostics: [Diagnostic],
    placementDiagnostics: [Diagnostic], resourceCount: Int, outline: ResourceOutline,
    selectorKeys: [String]? = nil
  ) {
    self.name = name
    self.resolveDiagnostics = resolveDiagnostics
    self.versions = versions
    self.files = files
    self.diagnostics = diagnostics
    self.placementDiagnostics = placementDiagnostics
    self.resourceCount = resourceCount
    self.outline = outline
    self.selectorKeys = selectorKeys
  }

  /// The share of an environment compiled in this run.
  init(
    _ environment: ValidatedEnvironment, emitted: EmittedFiles.Environment,
    resolved: ResolvedPlatform
  ) {
    let name = environment.name
    self.init(
      name: name, resolveDiagnostics: resolved.serviceDiagnostics[name] ?? [],
      versions: resolved.versions[name] ?? [:], files: emitted.files,
      diagnostics: environment.diagnostics, placementDiagnostics: emitted.diagnostics,
      resourceCount: environment.resources.count,
      outline: ResourceOutline(environment.resources, services: resolved.services[name] ?? [:]),
      selectorKeys: SelectorKeys.collect(in: environment.resources).sorted())
  }

  public var hasErrors: Bool {
    resolveDiagnostics.hasErrors || diagnostics.hasErrors || placementDiagnostics.hasErrors
  }
}
