/// One compile's view of `.render-cache/`, computed once: the digests and key of its
/// inputs and the stored whole-platform entry of its slot (which answers for these
/// inputs, or may be the base of a changed-services compile).
struct CacheLookup {
  let loaded: LoadedRepository
  let options: BuildOptions
  /// The running binary's identity.
  let build: String
  let output: String
  let slot: String
  /// `nil` for a load with findings: it is never answered from the cache nor stored.
  let digests: InputDigests?
  let key: String?
  /// The stored entry's bytes, when there is one (and the load may use the cache).
  let stored: [UInt8]?

  init(cache: CompilationCache, loaded: LoadedRepository, options: BuildOptions, build: String) {
    self.loaded = loaded
    self.options = options
    self.build = build
    output = loaded.settings.output
    slot = CompilationCache.slotName(options: options, output: output)
    digests = loaded.diagnostics.isEmpty ? InputDigests(loaded.repository) : nil
    key = digests?.key(slot: slot, previousVersions: options.previousVersions, build: build)
    stored = key == nil ? nil : cache.storedEntry(slot: slot, build: build)
  }

  var fileNames: SourceFileNames { loaded.repository.fileNames }

  /// What a later run compares to compile only what changed (not needed on a hit).
  func frame() -> CompilationFrame? {
    digests.map { CompilationFrame($0, repository: loaded.repository, slot: slot, build: build) }
  }
}
