/// A resource quantity (`500m`, `1Gi`, `1e3`, `2`) as a number, close enough to compare
/// requests with limits. The schema check reports quantities that do not parse.
enum QuantityValue {
  static func parse(_ node: Node) -> Double? {
    switch node.scalar {
    case .int(let value)?: return Double(value)
    case .float(let value)?: return value
    case .string(let text)?: return parse(text)
    default: return nil
    }
  }

  static func parse(_ text: String) -> Double? {
    if let last = text.utf8.last, last >= 0x30 && last <= 0x39 {
      // No suffix, or an exponent: `2`, `0.5`, `1e3`.
      return number(Substring(text))
    }
    let bytes = text.utf8
    guard let last = bytes.last else { return nil }
    if last == 0x69 /* i */, bytes.count >= 2 {
      let unit = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
      let binary: [UInt8: Double] = [
        0x4B /* K */: 1024, 0x4D /* M */: 1_048_576, 0x47 /* G */: 1_073_741_824,
        0x54 /* T */: 1_099_511_627_776, 0x50 /* P */: 1_125_899_906_842_624,
        0x45 /* E */: 1_152_921_504_606_846_976,
      ]
      guard let factor = binary[unit] else { return nil }
      return number(text.dropLast(2)).map { $0 * factor }
    }
    let suffixes: [(String, Double)] = [
      ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
      ("Pi", 1_125_899_906_842_624), ("Ei", 1_152_921_504_606_846_976),
      ("n", 1e-9), ("u", 1e-6), ("m", 1e-3), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12),
      ("P", 1e15), ("E", 1e18),
    ]
    for (suffix, factor) in suffixes where text.hasSuffix(suffix) {
      return number(text.dropLast(suffix.count)).map { $0 * factor }
    }
    return number(Substring(text))
  }

  private static func number(_ text: Substring) -> Double? {
    guard let first = text.first, first.isNumber || first == "." || first == "+" || first == "-",
      text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) })
    else { return nil }
    return Double(text)
  }
}
