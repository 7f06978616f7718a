/// What a whole-platform `.render-cache/` entry was compiled from, split the way
/// `ChangedServicesCompile` compares it: the frame key (everything but what is inside
/// the service folders) and a digest of each service folder. A later run whose frame key
/// is the same differs from that compile only in the service folders whose digests
/// differ.
struct CompilationFrame: Equatable {
  /// `InputDigests.frameKey`.
  var key: String
  /// Hex SHA-256 of each service folder's files and subfolders, by service name.
  var services: [String: String]
  /// The compile's `CompiledEnvironment.selectorKeys`, by environment (those known).
  var selectorKeys: [String: [String]]

  init(key: String, services: [String: String], selectorKeys: [String: [String]] = [:]) {
    self.key = key
    self.services = services
    self.selectorKeys = selectorKeys
  }

  /// This run's inputs; the selector keys come from its compile.
  init(_ digests: InputDigests, slot: String, build: String) {
    self.init(
      key: digests.frameKey(slot: slot, build: build),
      services: digests.services.mapValues(SHA256.hex))
  }

  /// The services whose folders differ from `earlier`'s; `nil` when the frames differ
  /// (some input outside the service folders, or the set of services, changed).
  func changedServices(since earlier: CompilationFrame) -> Set<String>? {
    guard key == earlier.key, Set(services.keys) == Set(earlier.services.keys) else {
      return nil
    }
    return Set(services.keys.filter { services[$0] != earlier.services[$0] })
  }
}
