/// What a YAML 1.1 reader (kubectl's, PyYAML, go-yaml v2) makes of a plain scalar that
/// render reads as a string, when the two differ.
///
/// render reads YAML 1.2, so `yes`, `on`, `1_000`, `1:30` and `0b101` are strings, and a
/// leading-zero integer such as `0644` is kept as the text it is (YAML 1.2 would read
/// 644, YAML 1.1 octal 420). A validator that finds such a scalar where a boolean or a
/// number is allowed reports it with `message` and `help`: the same file must not mean
/// one thing to render and another to kubectl. Where only a string is allowed, the
/// scalar is that string and nothing is reported.
public struct YAML11Reading: Sendable, Equatable {
  /// The YAML 1.1 value: a boolean, an integer or a float.
  public let value: Scalar
  /// Why the scalar is ambiguous, without the location: "'0644' is octal 420 to …".
  public let message: String
  /// The spellings that mean one thing to every reader.
  public let help: String

  /// The YAML 1.1 reading of `text` written as a plain scalar, or `nil` when a YAML 1.1
  /// reader would read the string render reads (or the same value).
  public static func of(plain text: String) -> YAML11Reading? {
    // Called for every plain string a validator checks against a non-string type: most
    // are words longer than three letters, which no YAML 1.1 boolean is.
    guard let lead = text.utf8.first,
      !CoreSchema.isLetterByte(lead) || text.utf8.count <= 3
    else { return nil }
    let bytes = Array(text.utf8)
    guard let first = bytes.first, bytes.count <= 64 else { return nil }
    if CoreSchema.isLetterByte(first) { return boolean(text) }
    var sign = ""
    var digits = bytes[...]
    if first == 0x2D /* - */ || first == 0x2B /* + */ {
      sign = first == 0x2D /* - */ ? "-" : ""
      digits = digits.dropFirst()
    }
    guard let lead = digits.first, CoreSchema.isDigit(lead) else { return nil }
    let body = String(decoding: digits, as: UTF8.self)
    if CoreSchema.isLeadingZeroInteger(text) { return leadingZero(text, sign: sign, body: body) }
    if body.contains(":") { return sexagesimal(text, sign: sign, body: body) }
    guard body.contains("_") || body.hasPrefix("0b") else { return nil }
    return separated(text, sign: sign, body: body)
  }

  /// `yes`, `No`, `ON`, `y`...: booleans in YAML 1.1, strings in YAML 1.2.
  private static func boolean(_ text: String) -> YAML11Reading? {
    let value: Bool
    switch text {
    case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON": value = true
    case "n", "N", "no", "No", "NO", "off", "Off", "OFF": value = false
    default: return nil
    }
    return string(text, is: .bool(value), as: "the boolean \(value)", kind: "boolean")
  }

  /// `0644`: octal 420 in YAML 1.1, decimal 644 in YAML 1.2. `09` is not octal, and YAML
  /// 1.1 readers disagree among themselves (a string to PyYAML, 9.0 to go-yaml).
  private static func leadingZero(_ text: String, sign: String, body: String) -> YAML11Reading? {
    guard let decimal = Int(sign + body) else { return nil }
    if body.utf8.allSatisfy({ $0 >= 0x30 /* 0 */ && $0 <= 0x37 /* 7 */ }),
      let octal = Int(sign + body, radix: 8)
    {
      let digits = body.drop { $0 == "0" }
      let octalText = sign + "0o" + (digits.isEmpty ? "0" : String(digits))
      return YAML11Reading(
        value: .int(octal),
        message:
          "'\(text)' is octal \(octal) to YAML 1.1 readers such as kubectl, but \(decimal) to YAML 1.2",
        help:
          "write \(octalText) or \(octal) for the octal value, or \(decimal) for the decimal one")
    }
    return YAML11Reading(
      value: .int(decimal),
      message:
        "'\(text)' has a leading zero, which YAML 1.1 readers such as kubectl and YAML 1.2 read differently",
      help: "write \(decimal)")
  }

  /// `1:30`: 90 in YAML 1.1 (base 60), a string in YAML 1.2.
  private static func sexagesimal(_ text: String, sign: String, body: String) -> YAML11Reading? {
    let parts = body.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 2, let head = parts.first, let firstDigit = head.first,
      firstDigit != "0"
    else { return nil }
    var value = 0
    for (index, part) in parts.enumerated() {
      let cleaned = index == 0 ? part.filter { $0 != "_" } : String(part)
      guard !cleaned.isEmpty, cleaned.count <= (index == 0 ? 18 : 2),
        cleaned.utf8.allSatisfy(CoreSchema.isDigit), let number = Int(cleaned),
        index == 0 || number < 60
      else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
      guard !overflow else { return nil }
      value = shifted + number
    }
    if sign == "-" { value = -value }
    return string(text, is: .int(value), as: "the base-60 number \(value)", kind: "number")
  }

  /// `1_000`, `0b1010`, `0x_FF`, `1_000.5`: numbers in YAML 1.1, strings in YAML 1.2.
  private static func separated(_ text: String, sign: String, body: String) -> YAML11Reading? {
    let plain = body.filter { $0 != "_" }
    let value: Scalar
    if plain.hasPrefix("0b"), let number = Int(sign + plain.dropFirst(2), radix: 2) {
      value = .int(number)
    } else if plain.hasPrefix("0x"), let number = Int(sign + plain.dropFirst(2), radix: 16) {
      value = .int(number)
    } else if plain.count >= 2, plain.hasPrefix("0"), !plain.contains("."),
      let number = Int(sign + plain.dropFirst(), radix: 8)
    {
      value = .int(number)
    } else if plain.utf8.allSatisfy(CoreSchema.isDigit), let number = Int(sign + plain) {
      value = .int(number)
    } else if plain.contains("."), CoreSchema.isCoreFloat(Array(plain.utf8)),
      let number = Double(sign + plain), number.isFinite
    {
      value = .float(number)
    } else {
      return nil
    }
    return string(text, is: value, as: "the number \(value.canonicalText)", kind: "number")
  }

  /// `text`, a string to YAML 1.2, is `value` to YAML 1.1 (`reading` says which, for the
  /// message; `kind` names what `value` is, for the help).
  private static func string(
    _ text: String, is value: Scalar, as reading: String, kind: String
  ) -> YAML11Reading {
    YAML11Reading(
      value: value,
      message:
        "'\(text)' is \(reading) to YAML 1.1 readers such as kubectl, but the string '\(text)' to YAML 1.2",
      help: "write \(value.canonicalText) for the \(kind), or quote '\(text)' for the string")
  }
}
