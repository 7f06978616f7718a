/// A name pattern in which `*` stands for any run of characters (including none), as
/// patch targets write `name: "check*"`. Every other character matches itself:
/// Kubernetes names cannot contain `*`, so no escape is needed.
struct Glob: Hashable, Sendable, CustomStringConvertible {
  let pattern: String
  /// The literal pieces between the stars; one piece when there is no star.
  private let pieces: [[Character]]

  init(_ pattern: String) {
    self.pattern = pattern
    pieces = pattern.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
  }

  var hasWildcard: Bool { pieces.count > 1 }

  var description: String { pattern }

  func matches(_ text: String) -> Bool {
    guard hasWildcard else { return text == pattern }
    let characters = Array(text)
    guard let first = pieces.first, let last = pieces.last,
      characters.count >= first.count + last.count,
      characters.starts(with: first), characters.reversed().starts(with: last.reversed())
    else { return false }
    // The first and last pieces are anchored; the middle ones are found left to right,
    // each as early as possible, which is enough for `*`-only patterns.
    var position = first.count
    let end = characters.count - last.count
    for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
      guard let found = Glob.find(piece, in: characters, from: position, before: end) else {
        return false
      }
      position = found + piece.count
    }
    return true
  }

  private static func find(
    _ piece: [Character], in characters: [Character], from start: Int, before end: Int
  ) -> Int? {
    guard end - start >= piece.count else { return nil }
    for index in start...(end - piece.count)
    where characters[index..<(index + piece.count)].elementsEqual(piece) {
      return index
    }
    return nil
  }
}
