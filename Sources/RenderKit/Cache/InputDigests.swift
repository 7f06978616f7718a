/// A repository's inputs hashed in parts, for the keys of `CompilationCache`'s entries: an
/// environment's key covers everything but the folders of the environments outside its
/// `inherits` chain, and the frame (`frameKey`) covers everything but what is inside the
/// service and environment folders, each of which has a digest of its own (`services`,
/// `environmentFolders`).
struct InputDigests {
  /// Every file outside `environments/<name>/`, every folder and every unreadable file.
  let common: [UInt8]
  /// The files of each environment folder, by folder name.
  let environmentFolders: [String: [UInt8]]
  /// What `common` covers but the contents of the service folders: their names count,
  /// their files and subfolders do not.
  let frame: [UInt8]
  /// The files and subfolders of each `services/<name>/` folder, by service name.
  let services: [String: [UInt8]]

  init(_ repository: Repository) {
    var frame: [UInt8] = []
    var folders: [String: [UInt8]] = [:]
    var services: [String: [UInt8]] = [:]
    func field(_ text: String, into bytes: inout [UInt8]) {
      bytes += text.utf8
      bytes.append(0)
    }
    field("directories", into: &frame)
    for directory in repository.directories.sorted() {
      if let service = Self.serviceFolder(of: directory) {
        field(directory, into: &services[service, default: []])
      } else {
        field(directory, into: &frame)
      }
    }
    field("unreadable", into: &frame)
    for path in repository.unreadableFiles.sorted() { field(path, into: &frame) }
    field("files", into: &frame)
    for path in repository.files.keys.sorted() {
      let text = repository.files[path]?.text ?? ""
      func add(to bytes: inout [UInt8]) {
        field(path, into: &bytes)
        field(String(text.utf8.count), into: &bytes)
        bytes += text.utf8
      }
      if let folder = Self.environmentFolder(of: path) {
        add(to: &folders[folder, default: []])
      } else if let service = Self.serviceFolder(of: path) {
        add(to: &services[service, default: []])
      } else {
        add(to: &frame)
      }
    }
    let serviceDigests = services.mapValues(SHA256.digest)
    // The frame's bytes (every template, CRD and render.yaml) are hashed once; both
    // digests build on that one.
    let outside = SHA256.hex(SHA256.digest(frame))
    var common: [UInt8] = []
    var names: [UInt8] = []
    field(outside, into: &common)
    field(outside, into: &names)
    field("services", into: &common)
    field("services", into: &names)
    for name in serviceDigests.keys.sorted() {
      field(name, into: &common)
      field(SHA256.hex(serviceDigests[name] ?? []), into: &common)
      field(name, into: &names)
    }
    self.common = SHA256.digest(common)
    self.frame = SHA256.digest(names)
    self.services = serviceDigests
    environmentFolders = folders.mapValues(SHA256.digest)
  }

  /// The environment folder a file is in: `prod` for `environments/prod/checkout.yaml`;
  /// `nil` for a file anywhere else (even directly in `environments/`).
  static func environmentFolder(of path: String) -> String? {
    folder(of: path, under: "environments/")
  }

  /// The service folder a file (or a folder) is in: `checkout` for
  /// `services/checkout/service.yaml` and for the folder `services/checkout/config`;
  /// `nil` for anything else (the folder `services/checkout` itself included: that the
  /// service exists is part of the frame).
  static func serviceFolder(of path: String) -> String? {
    folder(of: path, under: "services/")
  }

  private static func folder(of path: String, under prefix: String) -> String? {
    guard path.hasPrefix(prefix) else { return nil }
    let rest = path.utf8.dropFirst(prefix.utf8.count)
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
    Self.key(
      slot: slot, previousVersions: previousVersions, build: build, outside: common,
      environments: environments.map { names in names.map { ($0, environmentFolders[$0]) } }
        ?? environmentFolders.keys.sorted().map { ($0, environmentFolders[$0]) })
  }

  /// What a whole-platform result stored in `slot` depends on besides the contents of
  /// the service and environment folders: equal frame keys mean two repositories differ,
  /// if at all, only inside `services/<name>/` and `environments/<name>/` folders both
  /// have (`services` and `environmentFolders` tell which).
  func frameKey(slot: String, build: String) -> String {
    Self.key(slot: slot, previousVersions: [:], build: build, outside: frame, environments: [])
  }

  private static func key(
    slot: String, previousVersions: [String: [String: String]], build: String,
    outside: [UInt8], environments: [(String, [UInt8]?)]
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
    field(SHA256.hex(outside))
    for (name, digest) in environments {
      field(name)
      field(digest.map(SHA256.hex) ?? "no folder")
    }
    return SHA256.hex(SHA256.digest(bytes))
  }
}
