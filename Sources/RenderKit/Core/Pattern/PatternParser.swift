/// Reads a pattern in RE2 syntax (Go's `regexp/syntax` with Perl flags, which is how the
/// API server compiles schema patterns) into a `PatternNode`, and rejects what RE2
/// rejects: backreferences, lookaround, possessive quantifiers, atomic groups, repeat
/// counts over 1,000.
struct PatternParser {
  /// RE2's limit on `{n,m}` counts.
  static let maximumRepeatCount = 1_000
  /// Group nesting: a bound on recursion here and in the compiler (RE2 allows 1,000;
  /// patterns in schemas nest a handful deep).
  static let maximumNesting = 250
  /// `[:^xdigit:]` is the longest POSIX class; a `[:` with no `:]` this close is literal.
  private static let maximumPOSIXNameLength = 32

  /// The `(?imsU)` flags in effect.
  private struct Flags {
    var foldsCase = false
    var multiLine = false
    var dotMatchesNewline = false
    var ungreedy = false
  }

  private let scalars: [Unicode.Scalar]
  private var index = 0
  private var flags = Flags()
  private var nesting = 0

  private init(_ source: String) {
    scalars = Array(source.unicodeScalars)
  }

  static func parse(_ source: String) throws(PatternSyntaxError) -> PatternNode {
    var parser = PatternParser(source)
    let node = try parser.parseAlternation()
    if parser.index < parser.scalars.count {
      throw PatternSyntaxError("unexpected `)` with no `(` before it", at: parser.index)
    }
    return node
  }

  // MARK: Structure

  private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

  private func peek(_ ahead: Int) -> Unicode.Scalar? {
    index + ahead < scalars.count ? scalars[index + ahead] : nil
  }

  private mutating func parseAlternation() throws(PatternSyntaxError) -> PatternNode {
    var branches = [try parseConcatenation()]
    while peek == "|" {
      index += 1
      branches.append(try parseConcatenation())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func parseConcatenation() throws(PatternSyntaxError) -> PatternNode {
    var items: [PatternNode] = []
    while let next = peek, next != "|", next != ")" {
      let start = index
      if next == "*" || next == "+" || next == "?" || (next == "{" && repeatAhead() != nil) {
        throw PatternSyntaxError(
          "missing argument to repetition operator `\(next)`", at: start,
          help: "escape it (`\\\(next)`) to match it literally")
      }
      guard let atom = try parseAtom() else { continue }
      items.append(try parseRepetitions(of: atom))
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .concatenation(items)
    }
  }

  /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally followed by `?`; RE2 refuses
  /// a second operator on the same atom (`a**`, and the possessive `a*+`).
  private mutating func parseRepetitions(
    of atom: PatternNode
  ) throws(PatternSyntaxError) -> PatternNode {
    var node = atom
    var previous: (start: Int, text: String)?
    while let next = peek {
      let start = index
      let minimum: Int
      let maximum: Int?
      let length: Int
      switch next {
      case "*": (minimum, maximum, length) = (0, nil, 1)
      case "+": (minimum, maximum, length) = (1, nil, 1)
      case "?": (minimum, maximum, length) = (0, 1, 1)
      case "{":
        guard let counts = repeatAhead() else { return node }
        (minimum, maximum, length) = counts
      default:
        return node
      }
      let text = String(String.UnicodeScalarView(scalars[start..<start + length]))
      if let previous {
        if next == "+" {
          throw PatternSyntaxError(
            "possessive quantifier `\(previous.text)+` is not supported by RE2", at: previous.start,
            help: "write `\(previous.text)`: RE2 never backtracks, so it is not needed")
        }
        throw PatternSyntaxError(
          "invalid nested repetition operator `\(previous.text)\(text)`", at: previous.start,
          help: "put the repeated part in a group: `(?:x\(previous.text))\(text)`")
      }
      if minimum > Self.maximumRepeatCount || (maximum ?? 0) > Self.maximumRepeatCount
        || (maximum.map { $0 < minimum } ?? false)
      {
        throw PatternSyntaxError(
          "invalid repeat count `\(text)`", at: start,
          help: "counts go from 0 to \(Self.maximumRepeatCount), the smaller first")
      }
      index += length
      var written = text
      if peek == "?" {
        index += 1
        written += "?"
      }
      previous = (start, written)
      node = .repetition(node, minimum: minimum, maximum: maximum)
    }
    return node
  }

  /// `{n}`, `{n,}` or `{n,m}` at `index`: the counts and the length; nil when the brace
  /// does not start a repeat, which RE2 then reads as a literal `{`.
  private func repeatAhead() -> (Int, Int?, Int)? {
    var offset = 1
    func number() -> Int? {
      var value = 0
      var digits = 0
      while let scalar = peek(offset), ("0"..."9").contains(scalar) {
        value = min(value * 10 + Int(scalar.value - 48), 100_000)
        digits += 1
        offset += 1
      }
      return digits > 0 ? value : nil
    }
    guard let minimum = number() else { return nil }
    var maximum: Int? = minimum
    if peek(offset) == "," {
      offset += 1
      maximum = peek(offset) == "}" ? nil : number()
      if maximum == nil && peek(offset) != "}" { return nil }
    }
    guard peek(offset) == "}" else { return nil }
    return (minimum, maximum, offset + 1)
  }

  // MARK: Atoms

  /// One atom; nil for a flag group `(?i)`, which changes flags and matches nothing.
  private mutating func parseAtom() throws(PatternSyntaxError) -> PatternNode? {
    guard let next = peek else { return nil }
    switch next {
    case "(":
      return try parseGroup()
    case "[":
      return .characterClass(try parseBracket())
    case ".":
      index += 1
      return .anyScalar(matchesNewline: flags.dotMatchesNewline)
    case "^":
      index += 1
      return .assertion(flags.multiLine ? .beginLine : .beginText)
    case "$":
      index += 1
      return .assertion(flags.multiLine ? .endLine : .endText)
    case "\\":
      return try parseEscape()
    default:
      index += 1
      return literal(next)
    }
  }

  private func literal(_ scalar: Unicode.Scalar) -> PatternNode {
    // `ß` has no variants of its own yet matches `ẞ`: fold whenever `(?i)` is on, except
    // ASCII non-letters, which fold to nothing.
    .literal(
      scalar,
      foldsCase: flags.foldsCase
        && (!scalar.isASCII || !PatternCaseFolding.variants(of: scalar.value).isEmpty))
  }

  private mutating func parseGroup() throws(PatternSyntaxError) -> PatternNode? {
    let start = index
    index += 1
    let saved = flags
    if peek == "?" {
      if let flagGroupEnd = try parseGroupPrefix(start: start) {
        if flagGroupEnd == ")" { return nil }
      }
    }
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Self.maximumNesting {
      throw PatternSyntaxError(
        "groups nest more than \(Self.maximumNesting) deep", at: start)
    }
    let inner = try parseAlternation()
    guard peek == ")" else {
      throw PatternSyntaxError("missing closing `)` for the group opened here", at: start)
    }
    index += 1
    flags = saved
    return inner
  }

  /// Reads what follows `(?`: a named group's name, `:`, or flags. Returns `)` for a flag
  /// group that ends there (`(?i)`), `:` when a group body follows; throws for the Perl
  /// and ECMA-262 groups RE2 lacks.
  private mutating func parseGroupPrefix(
    start: Int
  ) throws(PatternSyntaxError) -> Unicode.Scalar? {
    index += 1  // `?`
    let next = peek ?? " "
    let after = peek(1) ?? " "
    switch (next, after) {
    case (":", _):
      index += 1
      return ":"
    case ("=", _), ("!", _):
      throw PatternSyntaxError(
        "lookahead `(?\(next)` is not supported by RE2", at: start,
        help: "RE2, which the API server uses, has no lookaround; rewrite the pattern without it")
    case ("<", "="), ("<", "!"):
      throw PatternSyntaxError(
        "lookbehind `(?<\(after)` is not supported by RE2", at: start,
        help: "RE2, which the API server uses, has no lookaround; rewrite the pattern without it")
    case ("P", "="), ("P", ">"):
      throw PatternSyntaxError(
        "backreference `(?P\(after)` is not supported by RE2", at: start,
        help: "RE2 has no backreferences: a pattern cannot require a repeat of what it matched")
    case ("P", "<"), ("<", _):
      index += next == "P" ? 2 : 1
      let nameStart = index
      while let scalar = peek, scalar != ">" { index += 1 }
      let name = scalars[nameStart..<index]
      guard peek == ">", !name.isEmpty, name.allSatisfy(Self.isWordScalar) else {
        throw PatternSyntaxError("invalid named group", at: start)
      }
      index += 1
      return ":"
    case (">", _):
      throw PatternSyntaxError("atomic group `(?>` is not supported by RE2", at: start)
    case ("#", _):
      throw PatternSyntaxError("comment group `(?#` is not supported by RE2", at: start)
    default:
      break
    }
    // Flags: `(?i)`, `(?i-s:...)`.
    var negate = false
    var sawFlag = false
    while let scalar = peek {
      index += 1
      switch scalar {
      case "i": flags.foldsCase = !negate
      case "m": flags.multiLine = !negate
      case "s": flags.dotMatchesNewline = !negate
      case "U": flags.ungreedy = !negate
      case "-" where !negate:
        negate = true
        sawFlag = false
        continue
      case ")", ":":
        guard sawFlag else { break }
        return scalar
      default:
        break
      }
      if scalar == ")" || scalar == ":" || !"imsU".unicodeScalars.contains(scalar) {
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        throw PatternSyntaxError(
          "invalid or unsupported group syntax `\(text)`", at: start,
          help: "RE2 groups are `(...)`, `(?:...)`, `(?P<name>...)` and flags such as `(?i)`")
      }
      sawFlag = true
    }
    throw PatternSyntaxError("missing closing `)` for the group opened here", at: start)
  }

  // MARK: Escapes

  /// `\A`, `\z`, `\b`, `\B`: the escapes that match a position, not a character.
  private static let escapedAssertions: [Unicode.Scalar: PatternAssertion] = [
    "A": .beginText, "z": .endText, "b": .wordBoundary, "B": .notWordBoundary,
  ]

  private mutating func parseEscape() throws(PatternSyntaxError) -> PatternNode {
    let start = index
    index += 1
    guard let next = peek else {
      throw PatternSyntaxError("trailing backslash at the end of the pattern", at: start)
    }
    if let assertion = Self.escapedAssertions[next] {
      index += 1
      return .assertion(assertion)
    }
    switch next {
    case "Z":
      throw PatternSyntaxError(
        "`\\Z` is not supported by RE2", at: start,
        help: "write `\\z` (or `$`) for the end of the text")
    case "d", "s", "w", "D", "S", "W", "p", "P":
      var characterClass = PatternCharacterClass(foldsCase: flags.foldsCase)
      index = start
      try parseClassEscape(into: &characterClass)
      characterClass.finish()
      return .characterClass(characterClass)
    case "Q":
      index += 1
      var literals: [PatternNode] = []
      while let scalar = peek {
        if scalar == "\\" && peek(1) == "E" {
          index += 2
          break
        }
        literals.append(literal(scalar))
        index += 1
      }
      return literals.count == 1 ? literals[0] : .concatenation(literals)
    default:
      return literal(try parseEscapedScalar(start: start))
    }
  }

  /// `\d`-style and `\p{…}` classes at `index` (which is at the backslash), added to
  /// `characterClass`; returns false, consuming nothing, for any other escape.
  @discardableResult
  private mutating func parseClassEscape(
    into characterClass: inout PatternCharacterClass
  ) throws(PatternSyntaxError) -> Bool {
    let start = index
    guard let letter = peek(1) else { return false }
    let lower = Unicode.Scalar(UInt8(truncatingIfNeeded: letter.value | 0x20))
    if letter.isASCII, let ranges = PatternCharacterClass.perlRanges(lower),
      letter == lower || (letter.value >= 0x41 && letter.value <= 0x5A)
    {
      index += 2
      if letter == lower {
        for range in ranges { characterClass.append(.range(range.lowerBound, range.upperBound)) }
      } else {
        characterClass.append(.excludedRanges(ranges))
      }
      return true
    }
    guard letter == "p" || letter == "P" else { return false }
    index += 2
    var negated = letter == "P"
    var name: String
    if peek == "{" {
      let nameStart = index + 1
      while let scalar = peek, scalar != "}" { index += 1 }
      guard peek == "}" else {
        throw PatternSyntaxError("missing `}` after `\\\(letter){`", at: start)
      }
      name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
      index += 1
    } else if let single = peek {
      name = String(single)
      index += 1
    } else {
      throw PatternSyntaxError("missing class name after `\\\(letter)`", at: start)
    }
    if name.hasPrefix("^") {
      negated.toggle()
      name.removeFirst()
    }
    if let categories = PatternCharacterClass.categories(named: name) {
      characterClass.append(.categories(categories, negated: negated))
    } else if let ranges = UnicodeScripts.ranges(named: name) {
      if negated {
        characterClass.append(.excludedRanges(ranges))
      } else {
        for range in ranges { characterClass.append(.range(range.lowerBound, range.upperBound)) }
      }
    } else {
      let text = String(String.UnicodeScalarView(scalars[start..<index]))
      throw PatternSyntaxError(
        "unknown Unicode class `\(text)`", at: start,
        help: "RE2 knows general categories (\\p{L}, \\p{Lu}, \\p{Nd}), scripts (\\p{Greek}, "
          + "\\p{Han}) and \\p{Any}")
    }
    return true
  }

  /// The scalar an escape stands for (`\n`, `\x41`, `\x{1F600}`, `\101`, `\.`), with
  /// `index` at the backslash's successor.
  private mutating func parseEscapedScalar(
    start: Int
  ) throws(PatternSyntaxError) -> Unicode.Scalar {
    guard let next = peek else {
      throw PatternSyntaxError("trailing backslash at the end of the pattern", at: start)
    }
    index += 1
    switch next {
    case "1"..."7" where !(peek.map { ("0"..."7").contains($0) } ?? false),
      "8", "9":
      throw PatternSyntaxError(
        "backreference `\\\(next)` is not supported by RE2", at: start,
        help: "RE2 has no backreferences: a pattern cannot require a repeat of what it matched")
    case "0"..."7":
      var value = next.value - 48
      for _ in 0..<2 {
        guard let digit = peek, ("0"..."7").contains(digit) else { break }
        value = value * 8 + digit.value - 48
        index += 1
      }
      return Unicode.Scalar(value) ?? "\0"
    case "x":
      var value: UInt32 = 0
      if peek == "{" {
        index += 1
        var digits = 0
        while let scalar = peek, let digit = Self.hexValue(scalar) {
          value = value * 16 + digit
          digits += 1
          index += 1
          if value > 0x10FFFF { break }
        }
        guard digits > 0, peek == "}", let scalar = Unicode.Scalar(value) else {
          throw PatternSyntaxError("invalid escape sequence `\\x{…}`", at: start)
        }
        index += 1
        return scalar
      }
      for _ in 0..<2 {
        guard let scalar = peek, let digit = Self.hexValue(scalar) else {
          throw PatternSyntaxError(
            "invalid escape sequence: `\\x` takes two hex digits or `{…}`", at: start)
        }
        value = value * 16 + digit
        index += 1
      }
      return Unicode.Scalar(value) ?? "\0"
    case "a": return "\u{07}"
    case "f": return "\u{0C}"
    case "t": return "\t"
    case "n": return "\n"
    case "r": return "\r"
    case "v": return "\u{0B}"
    case "k", "g":
      throw PatternSyntaxError(
        "backreference `\\\(next)` is not supported by RE2", at: start,
        help: "RE2 has no backreferences: a pattern cannot require a repeat of what it matched")
    default:
      // Any ASCII punctuation may be escaped; letters and digits mean something or nothing.
      if next.isASCII && !Self.isWordScalar(next) || next == "_" { return next }
      throw PatternSyntaxError(
        "invalid escape sequence `\\\(next)`", at: start,
        help: next.isASCII ? nil : "write the character itself, without the backslash")
    }
  }

  // MARK: Brackets

  private mutating func parseBracket() throws(PatternSyntaxError) -> PatternCharacterClass {
    let start = index
    index += 1
    var characterClass = PatternCharacterClass(foldsCase: flags.foldsCase)
    if peek == "^" {
      characterClass.negated = true
      index += 1
    }
    var first = true
    while true {
      guard let next = peek else {
        throw PatternSyntaxError("missing closing `]` for the class opened here", at: start)
      }
      if next == "]" && !first {
        index += 1
        break
      }
      first = false
      let itemStart = index
      if next == "[" && peek(1) == ":" {
        if try parsePOSIXClass(into: &characterClass) { continue }
      }
      let low: Unicode.Scalar
      if next == "\\" {
        if try parseClassEscape(into: &characterClass) { continue }
        index += 1
        low = try parseEscapedScalar(start: itemStart)
      } else {
        low = next
        index += 1
      }
      var high = low
      if peek == "-", let afterDash = peek(1), afterDash != "]" {
        index += 1
        let highStart = index
        if afterDash == "\\" {
          index += 1
          if let letter = peek, "dswDSWpP".unicodeScalars.contains(letter) {
            throw PatternSyntaxError(
              "invalid character class range: a range cannot end in a class", at: highStart)
          }
          high = try parseEscapedScalar(start: highStart)
        } else {
          high = afterDash
          index += 1
        }
        guard high.value >= low.value else {
          let text = String(String.UnicodeScalarView(scalars[itemStart..<index]))
          throw PatternSyntaxError(
            "invalid character class range `\(text)`", at: itemStart,
            help: "write the smaller end first")
        }
      }
      characterClass.append(.range(low.value, high.value))
    }
    characterClass.finish()
    return characterClass
  }

  /// `[:alpha:]`, `[:^digit:]` inside a bracket; false when `[:` starts nothing of that
  /// form (it is then two literal characters).
  private mutating func parsePOSIXClass(
    into characterClass: inout PatternCharacterClass
  ) throws(PatternSyntaxError) -> Bool {
    let start = index
    var end = index + 2
    // Names are short: looking further would make `[[:[:[:…` quadratic.
    let limit = min(scalars.count, index + 2 + Self.maximumPOSIXNameLength)
    while end + 1 < limit, !(scalars[end] == ":" && scalars[end + 1] == "]") {
      end += 1
    }
    guard end + 1 < limit else { return false }
    var name = String(String.UnicodeScalarView(scalars[(start + 2)..<end]))
    var negated = false
    if name.hasPrefix("^") {
      negated = true
      name.removeFirst()
    }
    guard let ranges = PatternCharacterClass.posixRanges(name) else {
      throw PatternSyntaxError("unknown POSIX class `[:\(name):]`", at: start)
    }
    index = end + 2
    if negated {
      characterClass.append(.excludedRanges(ranges))
    } else {
      for range in ranges { characterClass.append(.range(range.lowerBound, range.upperBound)) }
    }
    return true
  }

  // MARK: Characters

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: true
    default: false
    }
  }

  private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar.value {
    case 0x30...0x39: scalar.value - 0x30
    case 0x41...0x46: scalar.value - 0x41 + 10
    case 0x61...0x66: scalar.value - 0x61 + 10
    default: nil
    }
  }
}
