/// A bracket expression, a Perl class (`\d`, `\w`, `\s`) or a Unicode class (`\p{L}`):
/// a set of Unicode scalars.
///
/// Ranges are kept as written and Unicode classes as general categories, tested through
/// the standard library's Unicode tables, so no table is generated or shipped; ASCII
/// answers come from a 128-bit map computed once.
struct PatternCharacterClass: Sendable {
  /// One member of the class.
  enum Item: Sendable {
    case range(UInt32, UInt32)
    /// `\p{L}` (`negated`: `\P{L}`, `\p{^L}`); an empty set with `negated` is `\p{Any}`.
    case categories(Set<Unicode.GeneralCategory>, negated: Bool)
    /// `\D`, `\W`, `\S`, `[:^alpha:]` inside a bracket: the ranges' complement.
    case excludedRanges([ClosedRange<UInt32>])
  }

  private(set) var items: [Item] = []
  /// `[^...]`: the complement, taken after case folding as RE2 does.
  var negated = false
  /// `(?i)`: a scalar belongs when one of its case variants does.
  var foldsCase = false
  /// Membership of the ASCII scalars, bit `n` for scalar `n`; filled by `finish()`.
  private var ascii: (UInt64, UInt64) = (0, 0)

  init(items: [Item] = [], negated: Bool = false, foldsCase: Bool = false) {
    self.items = items
    self.negated = negated
    self.foldsCase = foldsCase
    finish()
  }

  mutating func append(_ item: Item) {
    items.append(item)
  }

  /// Merges overlapping ranges and computes the ASCII map; call after the last change.
  mutating func finish() {
    var ranges: [(UInt32, UInt32)] = []
    var others: [Item] = []
    for item in items {
      if case .range(let low, let high) = item {
        ranges.append((low, high))
      } else {
        others.append(item)
      }
    }
    ranges.sort { $0.0 < $1.0 }
    var merged: [Item] = []
    var current: (UInt32, UInt32)?
    for range in ranges {
      if let open = current, range.0 <= open.1 &+ 1 {
        current = (open.0, max(open.1, range.1))
      } else {
        if let open = current { merged.append(.range(open.0, open.1)) }
        current = range
      }
    }
    if let open = current { merged.append(.range(open.0, open.1)) }
    items = merged + others
    var low: UInt64 = 0
    var high: UInt64 = 0
    for value in UInt32(0)..<128 where slowContains(value) {
      if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
    }
    ascii = (low, high)
  }

  func contains(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 64 { return ascii.0 & (1 << UInt64(value)) != 0 }
    if value < 128 { return ascii.1 & (1 << UInt64(value - 64)) != 0 }
    return slowContains(value)
  }

  private func slowContains(_ value: UInt32) -> Bool {
    var found = itemsContain(value)
    if !found && foldsCase {
      found = PatternCaseFolding.variants(of: value).contains { itemsContain($0) }
    }
    return found != negated
  }

  private func itemsContain(_ value: UInt32) -> Bool {
    for item in items {
      switch item {
      case .range(let low, let high):
        if value >= low && value <= high { return true }
      case .categories(let categories, let negated):
        guard let scalar = Unicode.Scalar(value) else {
          if negated { return true }
          continue
        }
        let inside = categories.isEmpty || categories.contains(scalar.properties.generalCategory)
        if inside != negated { return true }
      case .excludedRanges(let ranges):
        if !ranges.contains(where: { $0.contains(value) }) { return true }
      }
    }
    return false
  }

  // MARK: Named classes

  /// `\d`, `\s`, `\w` (ASCII only in RE2), by their letter.
  static func perlRanges(_ letter: Unicode.Scalar) -> [ClosedRange<UInt32>]? {
    switch letter {
    case "d": [0x30...0x39]
    case "s": [0x09...0x0A, 0x0C...0x0D, 0x20...0x20]
    case "w": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    default: nil
    }
  }

  /// `[:alpha:]` and the other POSIX names RE2 accepts inside brackets.
  static func posixRanges(_ name: String) -> [ClosedRange<UInt32>]? {
    switch name {
    case "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
    case "alpha": [0x41...0x5A, 0x61...0x7A]
    case "ascii": [0x00...0x7F]
    case "blank": [0x09...0x09, 0x20...0x20]
    case "cntrl": [0x00...0x1F, 0x7F...0x7F]
    case "digit": [0x30...0x39]
    case "graph": [0x21...0x7E]
    case "lower": [0x61...0x7A]
    case "print": [0x20...0x7E]
    case "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
    case "space": [0x09...0x0D, 0x20...0x20]
    case "upper": [0x41...0x5A]
    case "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    case "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66]
    default: nil
    }
  }

  /// The general categories of a `\p{…}` name (`L`, `Lu`, `Nd`, …); an empty set for
  /// `Any`; nil for a name RE2 does not know or render does not support (scripts).
  static func categories(named name: String) -> Set<Unicode.GeneralCategory>? {
    if name == "Any" { return [] }
    let table: [String: [Unicode.GeneralCategory]] = [
      "Lu": [.uppercaseLetter], "Ll": [.lowercaseLetter], "Lt": [.titlecaseLetter],
      "Lm": [.modifierLetter], "Lo": [.otherLetter],
      "Mn": [.nonspacingMark], "Mc": [.spacingMark], "Me": [.enclosingMark],
      "Nd": [.decimalNumber], "Nl": [.letterNumber], "No": [.otherNumber],
      "Pc": [.connectorPunctuation], "Pd": [.dashPunctuation], "Ps": [.openPunctuation],
      "Pe": [.closePunctuation], "Pi": [.initialPunctuation], "Pf": [.finalPunctuation],
      "Po": [.otherPunctuation],
      "Sm": [.mathSymbol], "Sc": [.currencySymbol], "Sk": [.modifierSymbol],
      "So": [.otherSymbol],
      "Zs": [.spaceSeparator], "Zl": [.lineSeparator], "Zp": [.paragraphSeparator],
      "Cc": [.control], "Cf": [.format], "Cs": [.surrogate], "Co": [.privateUse],
    ]
    if let categories = table[name] { return Set(categories) }
    // One letter: every category starting with it (RE2's `C` leaves out unassigned).
    guard name.count == 1 else { return nil }
    let members = table.filter { $0.key.hasPrefix(name) }.flatMap(\.value)
    return members.isEmpty ? nil : Set(members)
  }
}
