/// The text of one input file, keyed by its path relative to the repository root.
public struct SourceFile: Sendable {
  public var path: String
  public var text: String

  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// Line `number` (1-based) without its line break, for showing findings.
  public func line(_ number: Int) -> Substring? {
    guard number >= 1 else { return nil }
    var current = 1
    var start = text.startIndex
    while current < number {
      guard let newline = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else {
        return nil
      }
      start = text.index(after: newline)
      current += 1
    }
    let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? text.endIndex
    return text[start..<end]
  }
}
