/// The Output stage's first half: every validated environment's resources (those the
/// run writes) emitted as files, with their generated headers.
public struct EmittedFiles: Sendable {
  /// By environment, in the order of the environments, then of their resources.
  public var files: [OutputFile]
  /// Two resources that would share a file.
  public var diagnostics: [Diagnostic]

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
    var diagnostics: [Diagnostic] = []
    for environment in environments {
      let (placed, found) = OutputPlanner.placements(
        for: environment.resources, paths: environment.paths, environment: environment.name,
        folder: folder,
        include: { filter.isEmpty || $0.service.map(filter.contains) == true })
      placements += placed
      diagnostics += found
    }
    progress?("emitting \(placements.count) files")
    let files = await placements.concurrentMap(chunks: 64) {
      OutputPlanner.file(
        at: $0.path, for: $0.resource, source: fileNames.path(of: $0.resource.source.fileID))
    }
    return EmittedFiles(files: files, diagnostics: diagnostics)
  }
}
