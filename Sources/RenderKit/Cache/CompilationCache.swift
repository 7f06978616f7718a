#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Compiled output kept between runs in `.render-cache/` at the repository root, so a
/// command whose inputs have not changed (`build --check`, a no-op `build`, `diff`,
/// `validate`) costs reading the inputs and comparing the tree, not compiling.
///
/// One entry is a whole compilation's result (its output tree and findings), keyed by
/// the SHA-256 of everything the compile reads: render's version and build, the bundled
/// schemas, the options, and every input file's path and bytes. It answers a command
/// whose inputs have not changed at all.
///
/// Beside it, each rendered environment has an entry (`CompiledEnvironment`: its files,
/// its row of versions.yaml, the findings of resolving, rendering and validating it, the
/// `ResourceOutline` reconciler output needs), keyed the same way except that of the
/// `environments/` folders only those of its `inherits` chain count (`InputDigests`):
/// nothing an environment resolves, renders, validates or emits reads another
/// environment. When the whole entry misses, the platform is parsed and
/// `Compiler.compile(reusing:)` takes every environment whose entry matches instead of
/// resolving and compiling it. What compares or gathers environments (versions.yaml, Argo
/// CD and Flux objects, owned paths, the inheritance chains) is computed afresh on every
/// compile from the environments' shares, so it cannot go stale.
///
/// An entry whose recorded key differs from the computed one is ignored, never trusted;
/// one that does not read back whole is ignored too. The folder is safe to delete at any
/// time. Entries are written to a temporary file and renamed into place, so a reader
/// sees a whole entry or none. A result with errors (or an environment with errors) is
/// never stored.
public struct CompilationCache: Sendable {
  /// The cache folder, relative to the repository root.
  public static let folder = ".render-cache"
  /// First bytes of every entry; a new format changes it.
  static let magic = Array("render-cache 2\n".utf8)

  /// The repository root.
  public let root: String

  public init(root: String) {
    self.root = root
  }

  /// The output tree and findings of compiling `loaded` with `options`, from the cache
  /// when everything the compile reads is what the entry was compiled from, compiled
  /// otherwise. `build --check` must not `store` its result (a check writes nothing, the
  /// cache included); `build`, `diff`, `validate`, `explain` and `preview` do. A load with findings (they depend on more
  /// than the files' bytes: links, permissions) is always compiled and never stored, and
  /// so is a compile with errors.
  /// - Parameters:
  ///   - schema: the bundled schemas, asked for only when the cache does not answer.
  ///   - build: the running binary's identity (`BinaryIdentity.current()`).
  ///   - deferringStore: write the entries in a task of their own (`CompiledOutput.storing`)
  ///     instead of before returning, so that they are written while the command compares
  ///     and writes the output; the command must await `CompiledOutput.stored()`.
  public func compile(
    _ loaded: LoadedRepository, options: BuildOptions,
    schema: @Sendable () async -> KubernetesSchema, build: String, store: Bool = false,
    deferringStore: Bool = false
  ) async -> CompiledOutput {
    // Writing entries costs copying every output file once more: done meanwhile if asked.
    func persist(_ work: @escaping @Sendable () -> Void) -> Task<Void, Never>? {
      guard deferringStore else {
        work()
        return nil
      }
      return Task.detached(priority: .utility) { work() }
    }
    let lookup = CacheLookup(cache: self, loaded: loaded, options: options, build: build)
    if let answer = await answer(lookup, schema: schema, store: store, persist: persist) {
      return answer
    }
    let output = lookup.output
    let digests = lookup.digests
    let key = lookup.key
    let fileNames = lookup.fileNames
    let parsed = loaded.parse()
    // Per environment: its share of the compile when nothing it reads has changed.
    func environmentEntry(_ environment: ResolvedEnvironment) -> (key: String, slot: String)? {
      guard let digests, parsed.diagnostics.isEmpty else { return nil }
      let slot = Self.environmentSlotName(environment.name, options: options, output: output)
      return (
        digests.key(slot: slot, build: build, environments: environment.chain.map(\.name)), slot
      )
    }
    let compilation = await Compiler.compile(
      parsed.platform, diagnostics: parsed.diagnostics, options: options,
      schema: await schema(),
      reusing: { environment in
        environmentEntry(environment).flatMap { entry in
          var reader = self.entry(
            slot: entry.slot, build: build, key: entry.key, fileNames: fileNames)
          return reader?.environment()
        }
      })
    let result = CachedCompilation(compilation)
    var storing: Task<Void, Never>?
    if let key, store, parsed.diagnostics.isEmpty {
      let environments = compilation.compiledEnvironments.compactMap {
        environment -> (share: CompiledEnvironment, key: String, slot: String)? in
        guard !compilation.reused.contains(environment.name), !environment.hasErrors,
          let resolved = compilation.environments[environment.name],
          let entry = environmentEntry(resolved)
        else { return nil }
        return (environment, entry.key, entry.slot)
      }
      var whole = result.hasErrors ? nil : lookup.frame
      for environment in compilation.compiledEnvironments {
        if let keys = environment.selectorKeys { whole?.selectorKeys[environment.name] = keys }
      }
      let base = whole
      storing = persist {
        for environment in environments {
          self.write(
            key: environment.key, slot: environment.slot, build: build, fileNames: fileNames
          ) {
            $0.environment(environment.share)
          }
        }
        if let base {
          self.store(
            result, key: key, options: options, output: output, build: build,
            fileNames: fileNames, frame: base)
        }
      }
    }
    var compiled = CompiledOutput(
      compilation: result, full: compilation.reused.isEmpty ? compilation : nil,
      isCached: false, reusedEnvironments: compilation.reused.sorted(),
      stageTimes: compilation.stageTimes)
    compiled.storing = storing
    return compiled
  }

  /// The answers that compile nothing, or only the services whose inputs changed: the
  /// whole entry for these inputs, a filtered build cut from the whole platform's entry,
  /// or `ChangedServicesCompile` over the stored entry; `nil` when none applies.
  private func answer(
    _ lookup: CacheLookup, schema: @Sendable () async -> KubernetesSchema, store: Bool,
    persist: (@escaping @Sendable () -> Void) -> Task<Void, Never>?
  ) async -> CompiledOutput? {
    if let hit = lookup.hit {
      return CompiledOutput(compilation: hit, full: nil, isCached: true)
    }
    let options = lookup.options
    let build = lookup.build
    let output = lookup.output
    let fileNames = lookup.fileNames
    // A filtered build without an entry of its own: the whole platform's, when it matches.
    if let digests = lookup.digests,
      let filtered = filteredFromWhole(
        digests, options: options, output: output, build: build, fileNames: fileNames)
    {
      var storing: Task<Void, Never>?
      if store, let key = lookup.key {
        storing = persist {
          self.store(
            filtered, key: key, options: options, output: output, build: build,
            fileNames: fileNames, frame: nil)
        }
      }
      var result = CompiledOutput(compilation: filtered, full: nil, isCached: true)
      result.storing = storing
      return result
    }
    // A few service folders changed since the stored compile: those services alone.
    let clock = ContinuousClock()
    let start = clock.now
    if let key = lookup.key, var frame = lookup.frame, let stored = lookup.stored,
      let (previous, earlier, changed) = Self.earlierCompile(
        in: stored, frame: frame, fileNames: fileNames),
      let compilation = await ChangedServicesCompile.compile(
        lookup.loaded, changed: changed, previous: previous, selectorKeys: earlier.selectorKeys,
        options: options, schema: schema)
    {
      var storing: Task<Void, Never>?
      if store {
        // Only label values no selector names changed: the selectors are the same.
        frame.selectorKeys = earlier.selectorKeys
        let base = frame
        storing = persist {
          self.store(
            compilation, key: key, options: options, output: output, build: build,
            fileNames: fileNames, frame: base)
        }
      }
      var result = CompiledOutput(
        compilation: compilation, full: nil, isCached: false,
        recompiledServices: changed.sorted(),
        stageTimes: [("compile \(changed.count) changed services", clock.now - start)])
      result.storing = storing
      return result
    }
    return nil
  }

  /// A whole-platform compile of `loaded` answered only by what costs next to nothing:
  /// the entry for these exact inputs, or `ChangedServicesCompile` over the stored entry
  /// (a pin, a version bump); `nil` when it would take a compile. What it compiles is
  /// stored when `store`. For `set-version` and `promote`, which compile the repository
  /// they have edited in memory.
  public func compileChangedServices(
    _ loaded: LoadedRepository, schema: @Sendable () async -> KubernetesSchema, build: String,
    store: Bool
  ) async -> CachedCompilation? {
    let lookup = CacheLookup(cache: self, loaded: loaded, options: BuildOptions(), build: build)
    return await answer(
      lookup, schema: schema, store: store,
      persist: { work in
        work()
        return nil
      })?.compilation
  }

  /// `render versions`' matrix and findings: from the cache when it holds them for these
  /// exact inputs, resolved (and stored, when nothing is an error) otherwise. Like
  /// `compile`, a load with findings never uses the cache.
  public func versions(_ loaded: LoadedRepository, build: String) -> ResolvedVersions {
    let key =
      loaded.diagnostics.isEmpty
      ? Self.key(
        repository: loaded.repository, slot: Self.versionsSlot, previousVersions: [:],
        build: build)
      : nil
    let fileNames = loaded.repository.fileNames
    if let key,
      var reader = entry(slot: Self.versionsSlot, build: build, key: key, fileNames: fileNames),
      let cached = reader.resolvedVersions()
    {
      return cached
    }
    let parsed = loaded.parse()
    let (matrix, found) = VersionMatrix.make(parsed.platform)
    var seen: Set<Diagnostic> = []
    let resolved = ResolvedVersions(
      matrix: matrix,
      diagnostics: (parsed.diagnostics + found).filter { seen.insert($0).inserted }
        .sortedForOutput(in: fileNames))
    if let key, parsed.diagnostics.isEmpty, !resolved.diagnostics.hasErrors {
      write(key: key, slot: Self.versionsSlot, build: build, fileNames: fileNames) {
        $0.resolvedVersions(resolved)
      }
    }
    return resolved
  }

  /// What compiling `repository` with `options` depends on, as a hex SHA-256; `output`
  /// is the output folder the compile writes to. `build` names the running binary (the
  /// CLI passes its file's identity): two builds of one version differ in code, and an
  /// entry one stored must not be trusted by the other.
  public static func key(
    repository: Repository, options: BuildOptions, output: String, build: String
  ) -> String {
    key(
      repository: repository, slot: slotName(options: options, output: output),
      previousVersions: options.previousVersions, build: build)
  }

  /// What a result stored in `slot` depends on: the repository, the versions a filtered
  /// build keeps, render's version and build, and the bundled schemas.
  static func key(
    repository: Repository, slot: String, previousVersions: [String: [String: String]],
    build: String
  ) -> String {
    InputDigests(repository).key(slot: slot, previousVersions: previousVersions, build: build)
  }

  /// The bundled Kubernetes schemas' identity: the digest of their text.
  static let schemaIdentity = SHA256.hex(SHA256.digest(Array(KubernetesSchemaBundle.json.utf8)))

  /// One entry per set of options (a filtered build does not evict the whole one).
  static func slotName(options: BuildOptions, output: String) -> String {
    "environments=\(options.environments.joined(separator: ",")) services=\(options.services.joined(separator: ",")) strict=\(options.strict) output=\(output)"
  }

  /// One entry per environment and set of options that change an environment's share
  /// of a compile (`--env` does not: it only chooses which environments render).
  static func environmentSlotName(
    _ environment: String, options: BuildOptions, output: String
  ) -> String {
    "environment=\(environment) services=\(options.services.joined(separator: ",")) strict=\(options.strict) output=\(output)"
  }

  /// The slot of `render versions`' matrix.
  static let versionsSlot = "versions"

  /// One file per slot and build of render: a debug and a release binary used in turn
  /// (their keys differ) do not evict each other's entries.
  private func entryPath(slot: String, build: String) -> String {
    root + "/" + Self.folder + "/" + SHA256.hexDigest(of: slot + "\u{0}" + build).prefix(32)
  }

  /// The entry in `slot` when it is whole and for `key`, positioned after the key; its
  /// locations' paths are numbered in `fileNames`.
  private func entry(
    slot: String, build: String, key: String, fileNames: SourceFileNames
  ) -> CacheEntryReader? {
    guard let bytes = storedEntry(slot: slot, build: build) else { return nil }
    var reader = CacheEntryReader(bytes: bytes, fileNames: fileNames)
    guard reader.expect(Self.magic), reader.string() == key else { return nil }
    return reader
  }

  /// The cached result for `key`, or `nil` when there is none, it is for another key, or
  /// it does not read back whole.
  /// - Parameters:
  ///   - build: the build of render the key is for (see `key`).
  ///   - fileNames: the table the findings' paths are numbered in (the load's).
  public func lookup(
    key: String, options: BuildOptions, output: String, build: String = "",
    fileNames: SourceFileNames
  ) -> CachedCompilation? {
    storedEntry(slot: Self.slotName(options: options, output: output), build: build).flatMap {
      Self.compilation(in: $0, key: key, fileNames: fileNames)
    }
  }

  /// A filtered build's result from the whole-platform entry, when that entry is for
  /// these inputs (`FilteredCompilation`); `nil` for an unfiltered build.
  private func filteredFromWhole(
    _ digests: InputDigests, options: BuildOptions, output: String, build: String,
    fileNames: SourceFileNames
  ) -> CachedCompilation? {
    guard !options.environments.isEmpty || !options.services.isEmpty else { return nil }
    let whole = BuildOptions(strict: options.strict)
    let slot = Self.slotName(options: whole, output: output)
    guard let bytes = storedEntry(slot: slot, build: build),
      let compilation = Self.compilation(
        in: bytes, key: digests.key(slot: slot, build: build), fileNames: fileNames)
    else { return nil }
    return FilteredCompilation.derive(from: compilation, options: options)
  }

  /// The bytes of the entry stored in `slot`, if any.
  func storedEntry(slot: String, build: String) -> [UInt8]? {
    try? FileSystem.readBytes(entryPath(slot: slot, build: build))
  }

  /// The whole-platform result a stored entry holds, when it is whole and for `key`.
  static func compilation(
    in bytes: [UInt8], key: String, fileNames: SourceFileNames
  ) -> CachedCompilation? {
    var reader = CacheEntryReader(bytes: bytes, fileNames: fileNames)
    guard reader.expect(magic), reader.string() == key, reader.frame() != nil else {
      return nil
    }
    return reader.compilation()
  }

  /// The whole-platform result a stored entry holds for other inputs, its frame, and the
  /// services whose folders are all that differ from them (`frame`: this run's); `nil`
  /// when the entry has no frame or is not whole, more than the service folders differ,
  /// or nothing does.
  private static func earlierCompile(
    in bytes: [UInt8], frame: CompilationFrame, fileNames: SourceFileNames
  ) -> (CachedCompilation, CompilationFrame, Set<String>)? {
    var reader = CacheEntryReader(bytes: bytes, fileNames: fileNames)
    guard reader.expect(magic), reader.string() != nil, let stored = reader.frame(),
      let earlier = stored, let changed = frame.changedServices(since: earlier),
      !changed.isEmpty, let compilation = reader.compilation()
    else { return nil }
    return (compilation, earlier, changed)
  }

  /// Stores `compilation` under `key`. Failing to (a read-only checkout) costs the next
  /// run a compile, nothing else: errors are ignored.
  /// - Parameter fileNames: the table the findings' locations are numbered in.
  /// - Parameter frame: what the compile's inputs were, in the parts a later run
  ///   compares to compile only the services that changed (`ChangedServicesCompile`).
  func store(
    _ compilation: CachedCompilation, key: String, options: BuildOptions, output: String,
    build: String = "", fileNames: SourceFileNames, frame: CompilationFrame? = nil
  ) {
    write(
      key: key, slot: Self.slotName(options: options, output: output), build: build,
      fileNames: fileNames
    ) {
      $0.frame(frame)
      $0.compilation(compilation)
    }
  }

  /// Writes an entry (`body` encodes what follows the key) whole or not at all.
  private func write(
    key: String, slot: String, build: String, fileNames: SourceFileNames,
    body: (inout CacheEntryWriter) -> Void
  ) {
    var writer = CacheEntryWriter(fileNames: fileNames)
    writer.bytes += Self.magic
    writer.string(key)
    body(&writer)
    let folder = root + "/" + Self.folder
    let path = entryPath(slot: slot, build: build)
    // The process id and a random number: two containers sharing the folder can have
    // the same process id, and neither may remove or rename the other's half-written file.
    let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    do {
      try FileSystem.makeDirectory(folder)
      try FileSystem.createFile(temporary, bytes: writer.bytes)
      try FileSystem.rename(temporary, path)
    } catch {
      try? FileSystem.removeFile(temporary)
    }
  }
}
