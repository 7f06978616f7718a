/// Text safe to print on a terminal: control characters from file names, keys, values,
/// git authors or commit messages never reach it raw, so they cannot move the cursor,
/// clear the screen, set a window title or hide text.
///
/// Every C0 control except newline and tab, DEL, every C1 control and the line and
/// paragraph separators (U+2028, U+2029) print as `\uXXXX`: readable in text, and the
/// same value inside a JSON string or a double-quoted YAML scalar.
public enum TerminalText {
  /// The colours render's own reporters use, kept when `keepingColors` is set. Only
  /// these exact sequences pass: anything else starting with ESC is escaped.
  static let colorSequences: Set<[UInt8]> = Set(
    ["0", "1", "31", "32", "33", "36", "1;31", "1;32", "1;33", "1;36"].map {
      [0x1B, UInt8(ascii: "[")] + Array($0.utf8) + [UInt8(ascii: "m")]
    })

  /// `text` with every control character escaped. With `keepingColors`, render's own
  /// colour sequences (see `colorSequences`) are kept.
  public static func escaped(_ text: String, keepingColors: Bool = false) -> String {
    // One scan: most text has nothing to escape and is returned as it is, uncopied.
    var output: [UInt8]?
    let bytes = Array(text.utf8)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x1B, keepingColors, let length = colorSequenceLength(bytes, at: index) {
        output?.append(contentsOf: bytes[index..<index + length])
        index += length
      } else if let (scalar, length) = controlScalar(bytes, at: index) {
        if output == nil { output = Array(bytes[..<index]) }
        output?.append(contentsOf: escape(scalar).utf8)
        index += length
      } else {
        output?.append(bytes[index])
        index += 1
      }
    }
    return output.map { String(decoding: $0, as: UTF8.self) } ?? text
  }

  /// Whether a scalar prints escaped (and so takes six cells, `\uXXXX`).
  public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: false
    case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x2028, 0x2029: true
    default: false
    }
  }

  /// `\u001B` for ESC: four upper-case hex digits.
  public static func escape(_ scalar: Unicode.Scalar) -> String {
    "\\u" + TextEscaping.hex(scalar.value, digits: 4)
  }

  /// The control scalar starting at `index` and its length in bytes, or nil.
  private static func controlScalar(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
    let byte = bytes[index]
    if byte < 0x80 {
      let scalar = Unicode.Scalar(byte)
      return isEscaped(scalar) ? (scalar, 1) : nil
    }
    if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
      return (Unicode.Scalar(bytes[index + 1]), 2)
    }
    if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
      bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
    {
      return (bytes[index + 2] == 0xA8 ? "\u{2028}" : "\u{2029}", 3)
    }
    return nil
  }

  private static func colorSequenceLength(_ bytes: [UInt8], at index: Int) -> Int? {
    guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else { return nil }
    var end = index + 2
    while end < bytes.count, end - index < 8 {
      if bytes[end] == UInt8(ascii: "m") {
        return colorSequences.contains(Array(bytes[index...end])) ? end - index + 1 : nil
      }
      end += 1
    }
    return nil
  }
}
