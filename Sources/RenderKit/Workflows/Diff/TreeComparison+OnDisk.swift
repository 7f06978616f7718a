extension TreeComparison {
  /// The old side of `render diff` without `--base`: the files of the output folder
  /// under `root` that `tree` would own, read without writing anything (a folder a
  /// killed build left half written is refused: the next build finishes it).
  public static func filesOnDisk(
    root: String, tree: OutputTree
  ) throws(WorkflowError) -> [String: [UInt8]] {
    let folder = root + "/" + tree.folder
    if TreeWriter(outputPath: folder).hasPendingWrite {
      throw .failed(message: RenderedOutput.interruptedWrite(tree.folder))
    }
    let existing: ExistingTree
    do {
      existing = try ExistingTree.scan(folder)
    } catch {
      throw .failed("\(error)")
    }
    return generatedFiles(in: existing, ownedBy: tree)
  }
}
