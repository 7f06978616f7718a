/// `rendered/versions.yaml`: environment -> service -> imageRef, sorted, for every
/// rendered environment and enabled service with an image. The file `render history`
/// reads back from git.
public enum VersionsFile {
  public static let path = "versions.yaml"

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
