/// The line indexes of the files one report quotes, each built the first time a finding
/// in that file is printed.
final class SourceLineCache {
  private let source: (String) -> SourceFile?
  private var indexes: [String: SourceLineIndex?] = [:]

  init(source: @escaping (String) -> SourceFile?) {
    self.source = source
  }

  func line(_ number: Int, of file: String) -> Substring? {
    if let index = indexes[file] { return index?.line(number) }
    let index = source(file).map { SourceLineIndex($0.text) }
    indexes[file] = index
    return index?.line(number)
  }
}
