/// Simple case folding for `(?i)`: the scalars a scalar matches case-insensitively.
///
/// RE2 folds along Unicode's simple case-folding orbits (`k`, `K` and the Kelvin sign
/// U+212A). The standard library gives single-scalar lower- and uppercase mappings; the
/// lowercase of the uppercase closes the orbits that matter (`ſ` -> `S` -> `s`).
enum PatternCaseFolding {
  /// The other members of `value`'s orbit (never `value` itself).
  static func variants(of value: UInt32) -> [UInt32] {
    if value < 128 {
      let isUpper = (0x41...0x5A).contains(value)
      guard isUpper || (0x61...0x7A).contains(value) else { return [] }
      let other = isUpper ? value + 32 : value - 32
      // k and s have a third member outside ASCII: the Kelvin sign and the long s.
      switch value | 0x20 {
      case 0x6B: return [other, 0x212A]
      case 0x73: return [other, 0x17F]
      default: return [other]
      }
    }
    guard let scalar = Unicode.Scalar(value) else { return [] }
    var result: [UInt32] = []
    func add(_ mapping: String) {
      let scalars = mapping.unicodeScalars
      guard scalars.count == 1, let first = scalars.first, first.value != value,
        !result.contains(first.value)
      else { return }
      result.append(first.value)
    }
    let upper = scalar.properties.uppercaseMapping
    add(scalar.properties.lowercaseMapping)
    add(upper)
    add(scalar.properties.titlecaseMapping)
    if let upperScalar = upper.unicodeScalars.first, upper.unicodeScalars.count == 1 {
      add(upperScalar.properties.lowercaseMapping)
    }
    return result
  }

  /// Whether `a` and `b` are equal ignoring case.
  static func equal(_ a: UInt32, _ b: UInt32) -> Bool {
    // Both ways: `ß` has no single-scalar uppercase, but `ẞ` lowercases to it.
    a == b || variants(of: a).contains(b) || variants(of: b).contains(a)
  }
}
