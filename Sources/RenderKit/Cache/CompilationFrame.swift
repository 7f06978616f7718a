/// What a whole-platform `.render-cache/` entry was compiled from, split the way
/// `ChangedServicesCompile` compares it: the frame key (everything but what is inside
/// the service and environment folders), a digest of each service folder and of each
/// environment folder, and the text of every file of the environment folders (they are
/// small; an edit there is compared line by line, not only noticed). A later run whose
/// frame key is the same differs from that compile only inside those folders.
struct CompilationFrame {
  /// `InputDigests.frameKey`.
  var key: String
  /// Hex SHA-256 of each service folder's files and subfolders, by service name.
  var services: [String: String]
  /// Hex SHA-256 of each environment folder's files, by folder name.
  var environments: [String: String]
  /// The text of every file in an environment folder, by path.
  var environmentFiles: [String: String]
  /// The compile's `CompiledEnvironment.selectorKeys`, by environment (those known).
  var selectorKeys: [String: [String]]

  init(
    key: String, services: [String: String], environments: [String: String] = [:],
    environmentFiles: [String: String] = [:], selectorKeys: [String: [String]] = [:]
  ) {
    self.key = key
    self.services = services
    self.environments = environments
    self.environmentFiles = environmentFiles
    self.selectorKeys = selectorKeys
  }

  /// This run's inputs; the selector keys come from its compile.
  init(_ digests: InputDigests, repository: Repository, slot: String, build: String) {
    var files: [String: String] = [:]
    for (path, file) in repository.files where InputDigests.environmentFolder(of: path) != nil {
      files[path] = file.text
    }
    self.init(
      key: digests.frameKey(slot: slot, build: build),
      services: digests.services.mapValues(SHA256.hex),
      environments: digests.environmentFolders.mapValues(SHA256.hex), environmentFiles: files)
  }

  /// The services whose inputs differ from `earlier`'s: those whose folders differ, and
  /// those whose `version` or `image` an environment folder now sets otherwise
  /// (`VersionPinEdit`); `nil` when anything else differs (outside those folders, the
  /// set of services or environments, or any other edit of an environment folder).
  func changedServices(since earlier: CompilationFrame) -> Set<String>? {
    guard key == earlier.key, Set(services.keys) == Set(earlier.services.keys),
      Set(environments.keys) == Set(earlier.environments.keys)
    else { return nil }
    var changed = Set(services.keys.filter { services[$0] != earlier.services[$0] })
    let editedFolders = Set(
      environments.keys.filter { environments[$0] != earlier.environments[$0] })
    guard !editedFolders.isEmpty else { return changed }
    let paths = Set(environmentFiles.keys).union(earlier.environmentFiles.keys).filter {
      InputDigests.environmentFolder(of: $0).map(editedFolders.contains) == true
    }
    for path in paths where environmentFiles[path] != earlier.environmentFiles[path] {
      guard
        let services = VersionPinEdit.services(
          path: path, before: earlier.environmentFiles[path], after: environmentFiles[path])
      else { return nil }
      changed.formUnion(services)
    }
    return changed
  }
}
