/// The output folder read in the background while the compiler works, for `render build`.
public struct OutputScan: Sendable {
  public let root: String
  private let task: Task<Result<ExistingTree, FileSystem.Error>, Never>

  /// Gets the output folder `folder` under `root` ready and starts reading it: an
  /// interrupted write is finished first (a filtered build reads versions.yaml from the
  /// tree), except that a check (`recover: false`) must not write and fails instead.
  public static func start(
    root: String, folder: String, recover: Bool
  ) throws(WorkflowError) -> OutputScan {
    let outputPath = root + "/" + folder
    let writer = TreeWriter(outputPath: outputPath)
    if writer.hasPendingWrite {
      guard recover else { throw .failed(message: RenderedOutput.interruptedWrite(folder)) }
      do {
        try writer.recover()
      } catch {
        throw .failed("\(error)")
      }
    }
    let task = Task.detached(priority: .userInitiated) {
      Result { () throws(FileSystem.Error) -> ExistingTree in
        if recover { try TreeWriter(outputPath: outputPath).recover() }
        return try ExistingTree.scan(outputPath)
      }
    }
    return OutputScan(root: root, task: task)
  }

  /// The folder as read, compared with a fresh render's `tree`; the findings' paths are
  /// numbered in `fileNames`.
  public func compare(
    with tree: OutputTree, fileNames: SourceFileNames
  ) async throws(FileSystem.Error) -> RenderedOutput {
    let existing = try await task.value.get()
    return RenderedOutput.compare(root: root, tree: tree, existing: existing, fileNames: fileNames)
  }
}
