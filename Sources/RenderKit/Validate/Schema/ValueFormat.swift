/// The string and integer formats the validator checks. Other formats (`date-time`,
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

  init?(name: String) {
    switch name {
    case "int32": self = .int32
    case "byte": self = .byte
    default: return nil
    }
  }

  /// Whether `scalar` is well-formed; values of a type the format does not apply to pass.
  func accepts(_ scalar: Scalar) -> Bool {
    switch (self, scalar) {
    case (.int32, .int(let value)):
      return value >= Int(Int32.min) && value <= Int(Int32.max)
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
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        continue
      case UInt8(ascii: "="):
        padding += 1
        if padding > 2 { return false }
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
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
      at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
      index += 1
    }
    var digits = 0
    while isDigit(index) {
      index += 1
      digits += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
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
      guard let first = suffix.utf8.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E")
      else { return false }
      var exponent = suffix.utf8.dropFirst()
      if let sign = exponent.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
        exponent = exponent.dropFirst()
      }
      return !exponent.isEmpty
        && exponent.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
  }
}
