/// `rendered/versions.yaml`: environment -> service -> imageRef, sorted, for every
/// rendered environment and enabled service with an image. The file `render history`
/// reads back from git.
public enum VersionsFile {
  public static let path = "versions.yaml"

  /// The versions the last build wrote to `root/output/versions.yaml` (empty when it is
  /// missing or not render's): a filtered build keeps what it does not render as that
  /// build recorded it.
  public static func recorded(root: String, output: String) -> [String: [String: String]] {
    let path = root + "/" + output + "/" + Self.path
    guard let contents = try? FileSystem.readBytes(path), GeneratedHeader.isGenerated(contents)
    else { return [:] }
    return read(contents)
  }

  /// The versions a previous build recorded (the body of an existing versions.yaml),
  /// or `[:]` when there is none or it cannot be read.
  public static func read(_ contents: [UInt8]) -> [String: [String: String]] {
    guard let text = String(validating: contents, as: UTF8.self),
      // Only the values are read: the locations go in a table nobody asks.
      let document = try? YAMLParser.parse(text, file: path, fileNames: SourceFileNames()).first
    else { return [:] }
    var versions: [String: [String: String]] = [:]
    for environment in document.mapping ?? [] {
      var services: [String: String] = [:]
      for service in environment.value.mapping ?? [] {
        if let reference = service.value.string { services[service.key] = reference }
      }
      versions[environment.key] = services
    }
    return versions
  }

  /// A filtered build's versions: what it rendered, and for everything it did not render,
  /// what the previous build recorded, so the file never claims a version that
  /// `rendered/` does not hold.
  public static func merging(
    _ fresh: [String: [String: Located<String>]], into previous: [String: [String: String]],
    renders: (_ environment: String, _ service: String) -> Bool
  ) -> [String: [String: Located<String>]] {
    var result: [String: [String: Located<String>]] = [:]
    for (environment, services) in previous {
      for (service, reference) in services where !renders(environment, service) {
        result[environment, default: [:]][service] = Located(reference, at: .generated)
      }
    }
    for (environment, services) in fresh {
      for (service, reference) in services where renders(environment, service) {
        result[environment, default: [:]][service] = reference
      }
    }
    return result
  }

  /// - Parameter versions: imageRef by service by environment.
  public static func make(_ versions: [String: [String: Located<String>]]) -> OutputFile {
    var entries: [Node.Entry] = []
    for environment in versions.keys.sorted() {
      let services = versions[environment] ?? [:]
      let serviceEntries = services.keys.sorted().compactMap { service in
        services[service].map { Node.Entry(service, .string($0.value)) }
      }
      entries.append(Node.Entry(environment, .mapping(serviceEntries)))
    }
    let body = YAMLEmitter.emit(.mapping(entries))
    return OutputFile(
      path: path,
      contents: GeneratedHeader.file(
        source: "services/*/service.yaml, environments/*/", inputs: [], body: body))
  }
}
