/// The line indexes of the files one report quotes, each built the first time a finding
/// in that file is printed.
final class SourceLineCache {
  /// The paths of the findings' locations.
  let fileNames: SourceFileNames
  private let source: (String) -> SourceFile?
  private var indexes: [UInt32: SourceLineIndex?] = [:]

  init(fileNames: SourceFileNames, source: @escaping (String) -> SourceFile?) {
    self.fileNames = fileNames
    self.source = source
  }

  func line(_ number: Int, of fileID: UInt32) -> Substring? {
    if let index = indexes[fileID] { return index?.line(number) }
    let index = source(fileNames.path(of: fileID)).map { SourceLineIndex($0.text) }
    indexes[fileID] = index
    return index?.line(number)
  }
}
