/// Maps an offset in a scalar's value to a column in its file, so an error points at
/// the `${` it is about.
///
/// The parser records where a scalar starts, not where each character of its value came
/// from. For a scalar on one line the value's characters follow the start (after the
/// opening quote); for block scalars and anything spanning lines there is no such
/// mapping, and the start of the scalar is the best place to point. (An escape such as
/// `\t` before the `${` in a double-quoted scalar shifts the column by its length.)
///
/// A literal block scalar (`|`) keeps its lines as they are, less the block's
/// indentation: when the indentation is known (`ScalarTemplates` reads it from the file),
/// an offset maps to the exact line and column inside the block.
struct ScalarPosition {
  let start: SourceLocation
  /// Columns from the start of the scalar to its first character; `nil` when offsets do
  /// not map to columns.
  let shift: Int?
  /// For a literal block scalar: the indentation of its content lines, and its text.
  private let block: (indentation: Int, text: String)?

  init(start: SourceLocation, style: ScalarStyle, text: String, blockIndentation: Int? = nil) {
    self.start = start
    if style == .literal, let blockIndentation {
      shift = nil
      block = (blockIndentation, text)
      return
    }
    block = nil
    if text.containsByte(0x0A /* \n */) {
      shift = nil
      return
    }
    switch style {
    case .plain: shift = 0
    case .singleQuoted, .doubleQuoted: shift = 1
    case .literal, .folded: shift = nil
    }
  }

  func location(ofOffset offset: Int) -> SourceLocation {
    if let block {
      // The content starts on the line after the `|` header.
      var line = start.line + 1
      var column = 0
      for scalar in block.text.unicodeScalars.prefix(offset) {
        if scalar == "\n" {
          line += 1
          column = 0
        } else {
          column += 1
        }
      }
      var location = start
      location.line = line
      location.column = block.indentation + column + 1
      return location
    }
    guard let shift else { return start }
    var location = start
    location.column += shift + offset
    return location
  }
}
