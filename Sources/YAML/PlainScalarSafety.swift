/// Decides whether a string may be written as a plain (unquoted) scalar.
///
/// Output is read by YAML 1.1 readers too (go-yaml v2 inside older Kubernetes tooling),
/// so a string must be quoted when *either* a YAML 1.1 or a YAML 1.2 reader would take
/// it for anything but that string: `yes`, `on`, `0777`, `1:30`, `1e3`, `~`,
/// `2024-01-01`, `0b101`, `1_000`, `<<`, `=`. The check errs on the side of quoting.
enum PlainScalarSafety {
  static func canBePlain(_ text: String) -> Bool {
    // Most keys and values are ASCII and start with a letter: then one pass over the
    // bytes decides (only the boolean and null words are ambiguous), without reading
    // them again for each question as the general path below does.
    var contiguous = text
    let verdict = contiguous.withUTF8 { bytes -> Int in
      guard syntaxAllowsPlain(bytes, inFlow: false) == .ascii, let base = bytes.baseAddress,
        isLetter(base[0])
      else { return -1 }
      return isBooleanOrNullWord(bytes) ? 0 : 1
    }
    if verdict >= 0 { return verdict == 1 }
    return hasPlainSyntax(text, inFlow: false) && !isAmbiguous(text)
  }

  /// Whether `text` written plain is one scalar token, whatever type a reader resolves
  /// it to: no indicator first, no `: ` or ` #` inside, no control character or line
  /// break, no space at either end, and in flow context (`{a: x}`) none of `,[]{}`.
  static func hasPlainSyntax(_ text: String, inFlow: Bool) -> Bool {
    // Every key and value of every rendered file passes here: the bytes are read through
    // a pointer, which costs the same optimized and keeps debug builds (where iterating a
    // `String.UTF8View` is a generic call per byte) usable.
    var contiguous = text
    switch contiguous.withUTF8({ syntaxAllowsPlain($0, inFlow: inFlow) }) {
    case .refused: return false
    case .ascii: return true
    case .unicode:
      // U+0085 (NEL) is printable inside quotes, but a YAML 1.1 reader takes it for a
      // line break in a plain scalar.
      return text.unicodeScalars.allSatisfy {
        $0.value < 0x80 || (isPrintable($0) && $0.value != 0x85)
      }
    }
  }

  /// What the bytes alone say about a plain scalar.
  private enum Syntax {
    case refused
    case ascii
    /// Allowed so far; the non-ASCII characters still need checking.
    case unicode
  }

  private static func syntaxAllowsPlain(
    _ bytes: UnsafeBufferPointer<UInt8>, inFlow: Bool
  )
    -> Syntax
  {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return .refused }
    let count = bytes.count
    let first = base[0]
    let last = base[count - 1]
    if isSpaceByte(first) || isSpaceByte(last) || last == 0x3A /* : */ { return .refused }
    switch first {
    case 0x5B /* [ */, 0x5D /* ] */, 0x7B /* { */, 0x7D /* } */,
      0x2C /* , */, 0x23 /* # */, 0x26 /* & */, 0x2A /* * */,
      0x21 /* ! */, 0x7C /* | */, 0x3E /* > */, 0x27 /* ' */,
      0x22 /* " */, 0x25 /* % */, 0x40 /* @ */, 0x60 /* ` */:
      return .refused
    case 0x2D /* - */, 0x3F /* ? */, 0x3A /* : */:
      guard count > 1, !isSpaceByte(base[1]) else { return .refused }
      if count >= 3 && base[1] == 0x2D /* - */ && base[2] == 0x2D /* - */ {
        if first == 0x2D /* - */ { return .refused }
      }
    case 0x2E /* . */:
      if count >= 3 && base[1] == 0x2E /* . */ && base[2] == 0x2E /* . */ {
        return .refused
      }
    default:
      break
    }
    // Bytes, not characters: every indicator is ASCII, and most strings are.
    var previous: UInt8 = 0x20 /* space */
    var ascii = true
    var index = 0
    while index < count {
      let byte = base[index]
      if byte >= 0x80 {
        ascii = false
      } else if byte < 0x20 || byte == 0x7F {
        return .refused  // control characters, tabs and line breaks need quotes
      } else if byte == 0x23 /* # */ && previous == 0x20 /* space */ {
        return .refused
      } else if byte == 0x20 /* space */ && previous == 0x3A /* : */ {
        return .refused
      } else if inFlow && isFlowIndicator(byte) {
        return .refused
      }
      previous = byte
      index += 1
    }
    return ascii ? .ascii : .unicode
  }

  private static func isFlowIndicator(_ byte: UInt8) -> Bool {
    byte == 0x2C /* , */ || byte == 0x5B /* [ */ || byte == 0x5D /* ] */
      || byte == 0x7B /* { */ || byte == 0x7D /* } */
  }

  private static func isSpaceByte(_ byte: UInt8) -> Bool {
    byte == 0x20 /* space */ || byte == 0x09 /* \t */ || byte == 0x0A /* \n */
      || byte == 0x0D /* \r */
  }

  /// Characters the emitter writes as they are inside quotes; everything else is escaped.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return true
    case 0x20...0x7E: return true
    case 0x85: return true
    case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
    case 0xE000...0xFFFD: return scalar.value != 0xFEFF
    case 0x10000...0x10FFFF: return true
    default: return false
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 /* a */ && (byte | 0x20) <= 0x7A /* z */
  }

  /// `y`, `yes`, `n`, `no`, `on`, `off`, `true`, `false` and `null`, each in lower case,
  /// capitalised or upper case: compared as bytes, since nearly every key and value
  /// emitted passes here.
  static func isBooleanOrNullWord(_ text: String) -> Bool {
    guard text.utf8.count <= 5 else { return false }
    var contiguous = text
    return contiguous.withUTF8 { isBooleanOrNullWord($0) }
  }

  private static func isBooleanOrNullWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count <= 5, let base = bytes.baseAddress else { return false }
    var folded: UInt64 = 0
    var upper = 0
    var index = 0
    while index < bytes.count {
      let byte = base[index]
      guard isLetter(byte) else { return false }
      if byte < 0x61 /* a */ { upper += 1 }
      folded = folded << 8 | UInt64(byte | 0x20)
      index += 1
    }
    // Lower case, capitalised (`True`) or upper case (`TRUE`); `tRUE` is a string.
    let firstIsUpper = base[0] < 0x61 /* a */
    guard upper == 0 || upper == bytes.count || (upper == 1 && firstIsUpper) else {
      return false
    }
    let words = booleanAndNullWords
    var word = 0
    while word < words.count {
      if words[word] == folded { return true }
      word += 1
    }
    return false
  }

  /// The words of `isBooleanOrNullWord`, lower case, packed big-endian into an integer.
  private static let booleanAndNullWords: [UInt64] = [
    "y", "yes", "n", "no", "on", "off", "true", "false", "null",
  ].map { word in word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }

  /// Whether a YAML 1.1 or 1.2 reader would resolve the text to a non-string.
  static func isAmbiguous(_ text: String) -> Bool {
    // Fast path: a string that starts with a letter is ambiguous only if it is one of the
    // boolean or null words (none longer than five letters).
    if let first = text.utf8.first, isLetter(first) {
      return isBooleanOrNullWord(text)
    }
    if let scalar = CoreSchema.resolvePlain(text) {
      if case .string = scalar {} else { return true }
    } else {
      return true
    }
    switch text {
    case "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
      "on", "On", "ON", "off", "Off", "OFF", "<<", "=":
      return true
    default:
      break
    }
    // YAML 1.1 numbers allow `_` separators, `0b` binary, leading-zero octal and
    // base-60 (`1:30`); timestamps look like `2001-12-14`. Quote anything made only of
    // number characters that starts like a number: cheap, and never wrong to quote.
    let bytes = Array(text.utf8)
    guard let first = bytes.first else { return true }
    let startsLikeNumber =
      CoreSchema.isDigit(first) || first == 0x2D /* - */ || first == 0x2B /* + */
      || first == 0x2E /* . */
    guard startsLikeNumber else { return false }
    let numberish = bytes.allSatisfy { byte in
      CoreSchema.isDigit(byte) || byte == 0x5F /* _ */ || byte == 0x3A /* : */
        || byte == 0x2E /* . */ || byte == 0x2D /* - */ || byte == 0x2B /* + */
        || byte == 0x65 /* e */ || byte == 0x45 /* E */
        || byte == 0x62 /* b */ || byte == 0x78 /* x */ || byte == 0x6F /* o */
        || byte == 0x54 /* T */ || byte == 0x74 /* t */ || byte == 0x5A /* Z */
        || byte == 0x20 /* space */
        || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)
    }
    guard numberish else { return false }
    return bytes.contains(where: CoreSchema.isDigit)
  }
}
