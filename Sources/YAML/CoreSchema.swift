/// The YAML 1.2 core schema: how a plain scalar's text becomes null, a boolean, an
/// integer, a float or a string. `yes`, `no`, `on`, `off`, `0777` stay strings.
public enum CoreSchema {
  /// Resolves the text of a plain scalar. Returns `nil` for an integer that does not
  /// fit in 64 bits, which the parser reports.
  public static func resolvePlain(_ text: String) -> Scalar? {
    let bytes = Array(text.utf8)
    if bytes.isEmpty { return .null }
    switch text {
    case "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    default: break
    }
    guard let first = bytes.first,
      isDigit(first) || first == 0x2D /* - */ || first == 0x2B /* + */
        || first == 0x2E /* . */
    else {
      return .string(text)
    }
    if bytes.count > 2, bytes[0] == 0x30 /* 0 */ {
      if bytes[1] == 0x6F /* o */, bytes[2...].allSatisfy({ $0 >= 48 && $0 <= 55 }) {
        return Int(text.dropFirst(2), radix: 8).map(Scalar.int)
      }
      if bytes[1] == 0x78 /* x */, bytes[2...].allSatisfy(isHexDigit) {
        return Int(text.dropFirst(2), radix: 16).map(Scalar.int)
      }
    }
    if isDecimalInteger(bytes[...]) {
      return Int(text).map(Scalar.int)
    }
    if isCoreFloat(bytes), let value = Double(text) {
      return .float(value)
    }
    return .string(text)
  }

  /// `[-+]?0[0-9]+`: an integer with a leading zero, which YAML 1.1 reads as octal (or, with
  /// an 8 or 9, not as an octal at all) and YAML 1.2 as decimal.
  public static func isLeadingZeroInteger(_ text: String) -> Bool {
    var bytes = Substring(text).utf8[...]
    if let first = bytes.first, first == 0x2D /* - */ || first == 0x2B /* + */ {
      bytes = bytes.dropFirst()
    }
    return bytes.count >= 2 && bytes.first == 0x30 /* 0 */ && bytes.allSatisfy(isDigit)
  }

  /// The spellings of infinity in the core schema: `.inf`, `-.Inf`, `+.INF`...
  public static func isInfinity(_ text: String) -> Bool {
    switch text {
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF": true
    default: false
    }
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  static func isLetterByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 /* a */ && (byte | 0x20) <= 0x7A /* z */
  }

  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= 97 && byte <= 102) || (byte >= 65 && byte <= 70)
  }

  /// `[-+]?[0-9]+`
  static func isDecimalInteger(_ bytes: ArraySlice<UInt8>) -> Bool {
    var digits = bytes
    if let first = digits.first, first == 0x2D /* - */ || first == 0x2B /* + */ {
      digits = digits.dropFirst()
    }
    return !digits.isEmpty && digits.allSatisfy(isDigit)
  }

  /// Steps `index` over a `-` or `+`, if one is there.
  private static func skipSign(_ bytes: [UInt8], _ index: inout Int) {
    if index < bytes.count, bytes[index] == 0x2D /* - */ || bytes[index] == 0x2B /* + */ {
      index += 1
    }
  }

  /// Steps `index` over a run of digits; returns how many.
  private static func skipDigits(_ bytes: [UInt8], _ index: inout Int) -> Int {
    let start = index
    while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    return index - start
  }

  /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
  static func isCoreFloat(_ bytes: [UInt8]) -> Bool {
    var index = 0
    skipSign(bytes, &index)
    let integerDigits = skipDigits(bytes, &index)
    if index < bytes.count, bytes[index] == 0x2E /* . */ {
      index += 1
      let fractionDigits = skipDigits(bytes, &index)
      if integerDigits == 0 && fractionDigits == 0 { return false }
    } else if integerDigits == 0 {
      return false
    }
    if index < bytes.count, bytes[index] == 0x65 /* e */ || bytes[index] == 0x45 /* E */ {
      index += 1
      skipSign(bytes, &index)
      if skipDigits(bytes, &index) == 0 { return false }
    }
    return index == bytes.count
  }
}
