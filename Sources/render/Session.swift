import ArgumentParser
import RenderKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One command's view of the repository: loaded, parsed, filters checked.
struct Session {
  let root: String
  let repository: Repository
  let platform: Platform
  let parseDiagnostics: [Diagnostic]
  var buildOptions: BuildOptions

  /// Loads and parses the repository and checks `--env`/`--service` against it (an
  /// unknown name is a usage error, exit 64). `compiles: false` is for commands that
  /// never compile (`versions`): the bundled schemas are then not read at all.
  static func load(
    options: RootOptions, output: String? = nil, compiles: Bool = true
  ) throws -> Session {
    // Compile the bundled schemas on another core while the repository is read.
    if compiles { _ = schema }
    let (repository, loadDiagnostics) = RepositoryLoader(root: options.root).load()
    guard repository.isRenderRepository || !loadDiagnostics.isEmpty else {
      throw ValidationError(
        "'\(options.root)' is not a render repository: it has no render.yaml, services/ or environments/\n"
          + "  help: run `render init` to create one, or pass --root with the repository's folder")
    }
    var (platform, parseDiagnostics) = PlatformParser.parse(repository)
    if let output {
      switch SettingsParser.checkedOutputFolder(output) {
      case .success(let folder): platform.settings.output = folder
      case .failure(let problem): throw ValidationError("--output: \(problem.message)")
      }
    }
    let concrete = platform.environmentNames.filter {
      platform.environments[$0]?.isAbstract == false
    }
    for name in options.environments {
      guard let environment = platform.environments[name] else {
        throw ValidationError(
          "no environment '\(name)'\(Suggestion.didYouMean(name, in: concrete)) (environments: \(concrete.joined(separator: ", ")))"
        )
      }
      if environment.isAbstract {
        throw ValidationError(
          "environment '\(name)' is abstract: it is only inherited, never rendered")
      }
    }
    for name in options.services
    where platform.services[name] == nil && !platform.brokenServices.contains(name) {
      throw ValidationError(
        "no service '\(name)'\(Suggestion.didYouMean(name, in: platform.services.keys))")
    }
    return Session(
      root: repository.root, repository: repository, platform: platform,
      parseDiagnostics: loadDiagnostics + parseDiagnostics,
      buildOptions: BuildOptions(environments: options.environments, services: options.services))
  }

  /// The bundled Kubernetes schemas, compiled in the background from the first use.
  static let schema = Task.detached(priority: .userInitiated) {
    try KubernetesSchema.bundled()
  }

  /// The bundled schemas, waiting for the background compile; failing to load them is
  /// a bug in render, not the user's input.
  static func bundledSchema() async -> KubernetesSchema {
    do {
      return try await schema.value
    } catch {
      Console.internalFailure("the bundled Kubernetes schema does not load: \(error)")
    }
  }

  func compile() async -> Compilation {
    let bundled = await Self.bundledSchema()
    return await Compiler.compile(
      platform, diagnostics: parseDiagnostics, options: compileOptions(), schema: bundled)
  }

  private func compileOptions() -> BuildOptions {
    var options = buildOptions
    if Console.showsProgress { options.progress = { Console.progress($0) } }
    if !options.environments.isEmpty || !options.services.isEmpty {
      options.previousVersions = Self.recordedVersions(root: root, output: platform.settings.output)
    }
    return options
  }

  /// The output tree and findings, from `.render-cache/` when everything the compile
  /// reads is what the cached entry was compiled from; compiled (and cached) otherwise.
  /// `stageTimes` is empty on a cache hit. Only a command that writes (`build`) stores
  /// its result: `--check`, `diff` and `validate` write nothing, the cache included.
  func compileOutput(
    store: Bool = false
  ) async -> (
    result: CachedCompilation, stageTimes: [(stage: String, duration: Duration)]
  ) {
    let options = compileOptions()
    let output = platform.settings.output
    // Input findings depend on more than the files' bytes (links, permissions): a run
    // that has any compiles.
    guard parseDiagnostics.isEmpty else {
      let compilation = await compile()
      return (CachedCompilation(compilation), compilation.stageTimes)
    }
    let cache = CompilationCache(root: root)
    let key = CompilationCache.key(
      repository: repository, options: options, output: output, build: Self.buildIdentity)
    if let cached = cache.lookup(key: key, options: options, output: output) {
      return (cached, [])
    }
    let compilation = await Compiler.compile(
      platform, diagnostics: parseDiagnostics, options: options,
      schema: await Self.bundledSchema())
    let result = CachedCompilation(compilation)
    if store && !result.hasErrors {
      cache.store(result, key: key, options: options, output: output)
    }
    return (result, compilation.stageTimes)
  }

  /// The running binary's file (device, inode, size, modification time): each build of
  /// render keys its own cache entries. When it cannot be read, the process id, so the
  /// cache is never trusted.
  static let buildIdentity: String = {
    #if os(Linux)
      let path = "/proc/self/exe"
    #else
      let path = CommandLine.arguments.first ?? ""
    #endif
    var info = stat()
    guard stat(path, &info) == 0 else { return "unknown binary, process \(getpid())" }
    #if os(Linux)
      let modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
    #else
      let modified = (info.st_mtimespec.tv_sec, info.st_mtimespec.tv_nsec)
    #endif
    return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(modified.0).\(modified.1)"
  }()

  /// The versions the last build wrote to versions.yaml: a filtered build keeps what it
  /// does not render as that build recorded it.
  static func recordedVersions(root: String, output: String) -> [String: [String: String]] {
    let path = root + "/" + output + "/" + VersionsFile.path
    guard let contents = try? FileSystem.readBytes(path), GeneratedHeader.isGenerated(contents)
    else { return [:] }
    return VersionsFile.read(contents)
  }

  /// The output lock, waiting (and saying so) if another render holds it.
  func lock() throws -> OutputLock {
    do {
      return try OutputLock.acquire(root: root) {
        Console.error("render: another render is writing in \(root); waiting for it to finish...\n")
      }
    } catch {
      Console.error("render: \(error)\n")
      throw ExitCode(1)
    }
  }
}
