/// Maps an offset in a scalar's value to a column in its file, so an error points at
/// the `${` it is about.
///
/// The parser records where a scalar starts, not where each character of its value came
/// from. For a scalar on one line the value's characters follow the start (after the
/// opening quote); for block scalars and anything spanning lines there is no such
/// mapping, and the start of the scalar is the best place to point. (An escape such as
/// `\t` before the `${` in a double-quoted scalar shifts the column by its length.)
struct ScalarPosition {
  let start: SourceLocation
  /// Columns from the start of the scalar to its first character; `nil` when offsets do
  /// not map to columns.
  let shift: Int?

  init(start: SourceLocation, style: ScalarStyle, text: String) {
    self.start = start
    if text.utf8.contains(UInt8(ascii: "\n")) {
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
    guard let shift else { return start }
    var location = start
    location.column += shift + offset
    return location
  }
}
