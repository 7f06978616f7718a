/// Converts libyaml's mark indexes to UTF-8 byte offsets.
///
/// libyaml counts `yaml_mark_t.index` in characters (Unicode scalars, a CRLF being two)
/// while edits splice bytes. A comment with `ü` before a value moves the two apart, so
/// every offset goes through this table. `YAMLEventReader` hides a leading byte order
/// mark from libyaml, so character 0 is the one after it (byte 3).
struct YAMLByteOffsets {
  /// `offsets[i]` is the byte offset of character `i`; the last entry is the byte count.
  private let offsets: [Int]

  init(_ text: String) {
    var offsets: [Int] = []
    offsets.reserveCapacity(text.utf8.count + 1)
    var byte = 0
    var scalars = Substring(text).unicodeScalars
    if YAMLEventReader.startsWithByteOrderMark(text) {
      scalars = scalars.dropFirst()
      byte = YAMLEventReader.byteOrderMark.count
    }
    for scalar in scalars {
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
