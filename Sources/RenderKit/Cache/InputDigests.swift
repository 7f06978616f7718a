/// A repository's inputs hashed in parts, for the keys of `CompilationCache`'s
/// per-environment entries: an environment's key covers everything but the folders of
/// the environments outside its `inherits` chain.
struct InputDigests {
  /// Every file outside `environments/<name>/`, every folder and every unreadable file.
  let common: [UInt8]
  /// The files of each environment folder, by folder name.
  let environmentFolders: [String: [UInt8]]

  init(_ repository: Repository) {
    var common: [UInt8] = []
    var folders: [String: [UInt8]] = [:]
    func field(_ text: String, into bytes: inout [UInt8]) {
      bytes += text.utf8
      bytes.append(0)
    }
    field("directories", into: &common)
    for directory in repository.directories.sorted() { field(directory, into: &common) }
    field("unreadable", into: &common)
    for path in repository.unreadableFiles.sorted() { field(path, into: &common) }
    field("files", into: &common)
    for path in repository.files.keys.sorted() {
      let text = repository.files[path]?.text ?? ""
      func add(to bytes: inout [UInt8]) {
        field(path, into: &bytes)
        field(String(text.utf8.count), into: &bytes)
        bytes += text.utf8
      }
      if let folder = Self.environmentFolder(of: path) {
        add(to: &folders[folder, default: []])
      } else {
        add(to: &common)
      }
    }
    self.common = SHA256.digest(common)
    environmentFolders = folders.mapValues(SHA256.digest)
  }

  /// The environment folder a file is in: `prod` for `environments/prod/checkout.yaml`;
  /// `nil` for a file anywhere else (even directly in `environments/`).
  static func environmentFolder(of path: String) -> String? {
    guard path.hasPrefix("environments/") else { return nil }
    let rest = path.utf8.dropFirst("environments/".count)
    guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
    return String(rest[..<slash])
  }

  /// What a result stored in `slot` depends on, as a hex SHA-256: render's version and
  /// build, the bundled schemas, the versions a filtered build keeps, the inputs outside
  /// the environment folders, and the folders of `environments` (`nil`: every one; an
  /// environment's own entry names its `inherits` chain).
  func key(
    slot: String, previousVersions: [String: [String: String]] = [:], build: String,
    environments: [String]? = nil
  ) -> String {
    var bytes: [UInt8] = []
    func field(_ text: String) {
      bytes += text.utf8
      bytes.append(0)
    }
    field("render " + RenderVersion.current)
    field(build)
    field(CompilationCache.schemaIdentity)
    field(slot)
    for environment in previousVersions.keys.sorted() {
      field(environment)
      let versions = previousVersions[environment] ?? [:]
      for service in versions.keys.sorted() {
        field(service)
        field(versions[service] ?? "")
      }
    }
    field(SHA256.hex(common))
    for name in environments ?? environmentFolders.keys.sorted() {
      field(name)
      field(environmentFolders[name].map(SHA256.hex) ?? "no folder")
    }
    return SHA256.hex(SHA256.digest(bytes))
  }
}
