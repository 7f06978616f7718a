/// The string and integer formats the validator checks. Other formats (`int64`,
/// `double`) are annotations: the API server accepts what the type allows.
enum ValueFormat: Hashable, Sendable {
  /// An integer that must fit in 32 bits (`replicas`, `containerPort`).
  case int32
  /// Base64 (`Secret.data`, `ConfigMap.binaryData`): the API server rejects anything else.
  case byte
  /// A Kubernetes resource quantity (`500m`, `1Gi`, `1e3`). JSON Schema cannot say this;
  /// the compiler sets it on the `Quantity` definition because `memory: 1GB` is a
  /// mistake people make and the API server rejects.
  case quantity
  /// An RFC 3339 time (`metav1.Time`, as `metadata.creationTimestamp`; CRD fields with
  /// `format: date-time`). The API server parses built-in times with Go's
  /// `time.RFC3339` (upper-case `T` and `Z`) and checks CRD fields with kube-openapi's
  /// `IsDateTime`, which lower-cases the text first.
  case dateTime(allowsLowercase: Bool)

  /// - Parameter customResource: whether the schema is a CRD's (see `dateTime`).
  init?(name: String, customResource: Bool = false) {
    switch name {
    case "int32": self = .int32
    case "byte": self = .byte
    case "date-time": self = .dateTime(allowsLowercase: customResource)
    default: return nil
    }
  }

  /// Whether `scalar` is well-formed; values of a type the format does not apply to pass.
  func accepts(_ scalar: Scalar) -> Bool {
    switch (self, scalar) {
    case (.int32, .int(let value)):
      return value >= Int(Int32.min) && value <= Int(Int32.max)
    case (.int32, .float(let value)) where value.rounded() == value:
      return value >= Double(Int32.min) && value <= Double(Int32.max)
    case (.dateTime(let allowsLowercase), .string(let text)):
      return Self.isDateTime(text, allowsLowercase: allowsLowercase)
    case (.byte, .string(let text)):
      return Self.isBase64(text)
    case (.quantity, .string(let text)):
      return Self.isQuantity(text)
    default:
      return true
    }
  }

  /// Standard base64 with padding, as Go's encoding/json decodes `[]byte`; line breaks are
  /// skipped as Go skips them.
  static func isBase64(_ text: String) -> Bool {
    var count = 0
    var padding = 0
    for byte in text.utf8 {
      switch byte {
      case 0x0A /* \n */, 0x0D /* \r */:
        continue
      case 0x3D /* = */:
        padding += 1
        if padding > 2 { return false }
      case 0x41...0x5A /* A-Z */, 0x61...0x7A /* a-z */,
        0x30...0x39 /* 0-9 */, 0x2B /* + */, 0x2F /* / */:
        if padding > 0 { return false }
      default:
        return false
      }
      count += 1
    }
    return count % 4 == 0
  }

  /// The grammar of k8s.io/apimachinery/pkg/api/resource.ParseQuantity:
  /// `[+-]? (digits | digits.digits? | .digits) (binarySI | decimalSI | [eE] [+-]? digits)?`
  /// with binarySI `Ki Mi Gi Ti Pi Ei` and decimalSI `n u m k M G T P E`.
  static func isQuantity(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 0
    func isDigit(_ at: Int) -> Bool {
      at < bytes.count && bytes[at] >= 0x30 /* 0 */ && bytes[at] <= 0x39 /* 9 */
    }
    if index < bytes.count, bytes[index] == 0x2B /* + */ || bytes[index] == 0x2D /* - */ {
      index += 1
    }
    var digits = 0
    while isDigit(index) {
      index += 1
      digits += 1
    }
    if index < bytes.count, bytes[index] == 0x2E /* . */ {
      index += 1
      while isDigit(index) {
        index += 1
        digits += 1
      }
    }
    guard digits > 0 else { return false }
    let suffix = String(decoding: bytes[index...], as: UTF8.self)
    switch suffix {
    case "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E":
      return true
    default:
      guard let first = suffix.utf8.first, first == 0x65 /* e */ || first == 0x45 /* E */
      else { return false }
      var exponent = suffix.utf8.dropFirst()
      if let sign = exponent.first, sign == 0x2B /* + */ || sign == 0x2D /* - */ {
        exponent = exponent.dropFirst()
      }
      return !exponent.isEmpty
        && exponent.allSatisfy { $0 >= 0x30 /* 0 */ && $0 <= 0x39 /* 9 */ }
    }
  }

  /// RFC 3339 `date-time`: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with the day
  /// valid for its month and seconds up to 59, as Go's `time.Parse` checks them.
  static func isDateTime(_ text: String, allowsLowercase: Bool) -> Bool {
    let bytes = Array(text.utf8)
    guard bytes.count >= 20 else { return false }
    func number(_ start: Int, _ count: Int) -> Int? {
      var value = 0
      for index in start..<start + count {
        guard index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    func isLetter(_ index: Int, _ upper: UInt8) -> Bool {
      index < bytes.count
        && (bytes[index] == upper || allowsLowercase && bytes[index] == upper | 0x20)
    }
    guard let year = number(0, 4), bytes[4] == 0x2D /* - */, let month = number(5, 2),
      bytes[7] == 0x2D /* - */, let day = number(8, 2), isLetter(10, 0x54 /* T */),
      let hour = number(11, 2), bytes[13] == 0x3A /* : */, let minute = number(14, 2),
      bytes[16] == 0x3A /* : */, let second = number(17, 2)
    else { return false }
    guard (1...12).contains(month), hour < 24, minute < 60, second < 60 else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...days).contains(day) else { return false }
    var index = 19
    if bytes[index] == 0x2E /* . */ {
      index += 1
      let start = index
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
      guard index > start else { return false }
    }
    if isLetter(index, 0x5A /* Z */) { return index + 1 == bytes.count }
    guard index + 6 == bytes.count,
      bytes[index] == 0x2B /* + */ || bytes[index] == 0x2D /* - */,
      let offsetHours = number(index + 1, 2), bytes[index + 3] == 0x3A /* : */,
      let offsetMinutes = number(index + 4, 2)
    else { return false }
    return offsetHours < 24 && offsetMinutes < 60
  }
}
