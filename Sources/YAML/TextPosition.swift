/// Line and column of a byte offset in a text, for problems found in bytes rather than
/// by the parser: a byte that is not UTF-8, a control character libyaml refuses.
public enum TextPosition {
  /// The 1-based line and column (in characters, as `SourceLocation` counts them) of the
  /// byte at `offset`. A line ends at `\n`, at `\r\n` and at a lone `\r`, as in YAML; a
  /// byte order mark at the start is not a column.
  public static func location(
    ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>
  ) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let end = min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n")
        || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A))
      {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1  // continuation bytes belong to the character before them
      }
      index += 1
    }
    return (line, column)
  }

  /// The offset of the first byte that is not part of valid UTF-8 (RFC 3629: no overlong
  /// forms, no surrogates, nothing above U+10FFFF), or `nil` when every byte is.
  public static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0
    let count = bytes.count
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return index
      }
      guard index + 1 < count, bytes[index + 1] >= low, bytes[index + 1] <= high else {
        return index
      }
      var next = index + 2
      while next < index + length {
        guard next < count, bytes[next] & 0xC0 == 0x80 else { return index }
        next += 1
      }
      index += length
    }
    return nil
  }
}
