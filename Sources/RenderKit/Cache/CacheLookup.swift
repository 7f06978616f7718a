/// One compile's view of `.render-cache/`, computed once: the digests and key of its
/// inputs, the stored whole-platform entry of its slot and, when that entry does not
/// answer for these inputs, the frame a changed-services compile compares with it.
struct CacheLookup {
  let loaded: LoadedRepository
  let options: BuildOptions
  /// The running binary's identity.
  let build: String
  let output: String
  /// `nil` for a load with findings: it is never answered from the cache nor stored.
  let digests: InputDigests?
  let key: String?
  /// The stored entry's bytes, when there is one (and the load may use the cache).
  let stored: [UInt8]?
  /// The stored entry's result when it is for these inputs.
  let hit: CachedCompilation?
  /// What a later run compares to compile only what changed; `nil` on a hit (nothing is
  /// stored then) and for a load with findings.
  let frame: CompilationFrame?

  init(cache: CompilationCache, loaded: LoadedRepository, options: BuildOptions, build: String) {
    self.loaded = loaded
    self.options = options
    self.build = build
    output = loaded.settings.output
    let slot = CompilationCache.slotName(options: options, output: output)
    let digests = loaded.diagnostics.isEmpty ? InputDigests(loaded.repository) : nil
    let key = digests?.key(slot: slot, previousVersions: options.previousVersions, build: build)
    let stored = key == nil ? nil : cache.storedEntry(slot: slot, build: build)
    self.digests = digests
    self.key = key
    self.stored = stored
    hit = key.flatMap { key in
      stored.flatMap {
        CompilationCache.compilation(in: $0, key: key, fileNames: loaded.repository.fileNames)
      }
    }
    frame =
      hit != nil
      ? nil
      : digests.map {
        CompilationFrame($0, repository: loaded.repository, slot: slot, build: build)
      }
  }

  var fileNames: SourceFileNames { loaded.repository.fileNames }
}
