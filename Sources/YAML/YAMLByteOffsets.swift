/// Converts libyaml's mark indexes to UTF-8 byte offsets.
///
/// libyaml counts `yaml_mark_t.index` in characters (Unicode scalars, a CRLF being two)
/// while edits splice bytes. A comment with `ü` before a value moves the two apart, so
/// every offset goes through this table. With the encoding set to UTF-8 up front (as
/// the parsers here do), a leading byte order mark counts as one character.
struct YAMLByteOffsets {
  /// `offsets[i]` is the byte offset of character `i`; the last entry is the byte count.
  private let offsets: [Int]

  init(_ text: String) {
    var offsets: [Int] = []
    offsets.reserveCapacity(text.utf8.count + 1)
    var byte = 0
    for scalar in text.unicodeScalars {
      offsets.append(byte)
      byte += UTF8.width(scalar)
    }
    offsets.append(byte)
    self.offsets = offsets
  }

  /// The byte offset of the character at `index`; indexes past the end clamp to it.
  func byteOffset(ofCharacter index: Int) -> Int {
    guard let last = offsets.last else { return 0 }
    guard index >= 0 else { return offsets.first ?? 0 }
    return index < offsets.count ? offsets[index] : last
  }
}
