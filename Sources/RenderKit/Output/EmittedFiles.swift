/// The Output stage's first half: every validated environment's resources (those the
/// run writes) emitted as files, with their generated headers.
public struct EmittedFiles: Sendable {
  /// One environment's files, in the order of its resources, and what placing them
  /// found (two resources that would share a file).
  public struct Environment: Sendable {
    public var name: String
    public var files: [OutputFile]
    public var diagnostics: [Diagnostic]
  }

  /// In the order of the validated environments.
  public var environments: [Environment]

  /// Places every resource, then emits the files in parallel (emitting YAML and
  /// checksumming it is most of a build's work).
  /// - Parameters:
  ///   - services: `--service`: only their files (empty: all).
  ///   - fileNames: the table the resources' source paths are numbered in.
  public static func emit(
    _ environments: [ValidatedEnvironment], folder: String, services filter: [String],
    fileNames: SourceFileNames, progress: (@Sendable (String) -> Void)? = nil
  ) async -> EmittedFiles {
    var placements: [(path: String, resource: Resource)] = []
    var emitted: [Environment] = []
    var ends: [Int] = []
    for environment in environments {
      let (placed, found) = OutputPlanner.placements(
        for: environment.resources, paths: environment.paths, environment: environment.name,
        folder: folder,
        include: { filter.isEmpty || $0.service.map(filter.contains) == true })
      placements += placed
      ends.append(placements.count)
      emitted.append(Environment(name: environment.name, files: [], diagnostics: found))
    }
    progress?("emitting \(placements.count) files")
    let files = await placements.concurrentMap(chunks: 64) {
      OutputPlanner.file(
        at: $0.path, for: $0.resource, source: fileNames.path(of: $0.resource.source.fileID))
    }
    var start = 0
    for (index, end) in ends.enumerated() {
      emitted[index].files = Array(files[start..<end])
      start = end
    }
    return EmittedFiles(environments: emitted)
  }
}
