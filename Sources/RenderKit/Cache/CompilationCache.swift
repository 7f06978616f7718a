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
/// the SHA-256 of everything the compile reads: render's version, the bundled schemas,
/// the options, and every input file's path and bytes. The granularity is the whole
/// platform on purpose: patches and environment rules see a whole environment, the
/// versions file the whole platform, so any finer key would have to prove what each
/// result depends on. An entry whose recorded key differs from the computed one is
/// ignored, never trusted; the folder is safe to delete at any time. Entries are written
/// to a temporary file and renamed into place, so a reader sees a whole entry or none.
public struct CompilationCache: Sendable {
  /// The cache folder, relative to the repository root.
  public static let folder = ".render-cache"
  /// First bytes of every entry; a new format changes it.
  static let magic = Array("render-cache 1\n".utf8)

  /// The repository root.
  public let root: String

  public init(root: String) {
    self.root = root
  }

  /// What compiling `repository` with `options` depends on, as a hex SHA-256; `output`
  /// is the output folder the compile writes to. `build` names the running binary (the
  /// CLI passes its file's identity): two builds of one version differ in code, and an
  /// entry one stored must not be trusted by the other.
  public static func key(
    repository: Repository, options: BuildOptions, output: String, build: String
  ) -> String {
    var bytes: [UInt8] = []
    func field(_ text: String) {
      bytes += text.utf8
      bytes.append(0)
    }
    field("render " + RenderVersion.current)
    field(build)
    field(schemaIdentity)
    field(slotName(options: options, output: output))
    for environment in options.previousVersions.keys.sorted() {
      field(environment)
      let versions = options.previousVersions[environment] ?? [:]
      for service in versions.keys.sorted() {
        field(service)
        field(versions[service] ?? "")
      }
    }
    field("directories")
    for directory in repository.directories.sorted() { field(directory) }
    field("unreadable")
    for path in repository.unreadableFiles.sorted() { field(path) }
    field("files")
    for path in repository.files.keys.sorted() {
      field(path)
      let text = repository.files[path]?.text ?? ""
      field(String(text.utf8.count))
      bytes += text.utf8
    }
    return SHA256.hex(SHA256.digest(bytes))
  }

  /// The bundled Kubernetes schemas' identity: the digest of their text.
  static let schemaIdentity = SHA256.hex(SHA256.digest(Array(KubernetesSchemaBundle.json.utf8)))

  /// One entry per set of options (a filtered build does not evict the whole one).
  static func slotName(options: BuildOptions, output: String) -> String {
    "environments=\(options.environments.joined(separator: ",")) services=\(options.services.joined(separator: ",")) strict=\(options.strict) output=\(output)"
  }

  private func entryPath(options: BuildOptions, output: String) -> String {
    let slot = SHA256.hexDigest(of: Self.slotName(options: options, output: output))
    return root + "/" + Self.folder + "/" + slot.prefix(32)
  }

  /// The cached result for `key`, or `nil` when there is none, it is for another key, or
  /// it does not read back whole.
  public func lookup(
    key: String, options: BuildOptions, output: String
  ) -> CachedCompilation? {
    guard let bytes = try? FileSystem.readBytes(entryPath(options: options, output: output))
    else { return nil }
    var reader = CacheEntryReader(bytes: bytes)
    guard reader.expect(Self.magic), reader.string() == key else { return nil }
    return reader.compilation()
  }

  /// Stores `compilation` under `key`. Failing to (a read-only checkout) costs the next
  /// run a compile, nothing else: errors are ignored.
  public func store(
    _ compilation: CachedCompilation, key: String, options: BuildOptions, output: String
  ) {
    var writer = CacheEntryWriter()
    writer.bytes += Self.magic
    writer.string(key)
    writer.compilation(compilation)
    let folder = root + "/" + Self.folder
    let path = entryPath(options: options, output: output)
    let temporary = path + ".tmp-\(getpid())"
    do {
      try FileSystem.makeDirectory(folder)
      try? FileSystem.removeFile(temporary)
      try FileSystem.createFile(temporary, bytes: writer.bytes)
      try FileSystem.rename(temporary, path)
    } catch {
      try? FileSystem.removeFile(temporary)
    }
  }
}
