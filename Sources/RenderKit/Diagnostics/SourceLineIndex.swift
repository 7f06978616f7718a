/// Where each line of one source file starts, so a reporter quoting the lines of many
/// findings finds each line in constant time instead of rescanning the file from the top
/// (100,000 findings in one file made that quadratic).
struct SourceLineIndex {
  private let text: String
  /// The index of the first byte of each line; line `n` starts at `starts[n - 1]`.
  private let starts: [String.Index]

  init(_ text: String) {
    self.text = text
    var starts = [text.startIndex]
    let utf8 = text.utf8
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      utf8.formIndex(after: &index)
      // `\r\n` ends a line at its `\n`; a lone `\r` does not end one, as in `SourceFile.line`.
      if byte == UInt8(ascii: "\n") { starts.append(index) }
    }
    self.starts = starts
  }

  /// Line `number` (1-based) without its line break; a byte order mark before line 1 is
  /// not part of the line (columns are counted after it).
  func line(_ number: Int) -> Substring? {
    guard number >= 1, number <= starts.count else { return nil }
    let utf8 = text.utf8
    let start = starts[number - 1]
    var end = number < starts.count ? utf8.index(before: starts[number]) : utf8.endIndex
    if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
      end = utf8.index(before: end)
    }
    var line = text[start..<end]
    if number == 1, line.unicodeScalars.first == "\u{FEFF}" {
      line = line[line.unicodeScalars.index(after: line.startIndex)...]
    }
    return line
  }
}
