/// Splits the text of one expression into tokens.
///
/// Works on UTF-8 bytes: names, numbers and operators are ASCII, and string literals are
/// decoded from the byte ranges between their quotes, so lexing allocates little beyond
/// the token array (this runs for every expression of every render).
struct ExpressionLexer {
  /// More tokens than any sensible template expression needs. The bound keeps the
  /// parser's and evaluator's recursion shallow whatever a template contains.
  static let maxTokens = 256

  private let bytes: [UInt8]
  private var position = 0

  private init(_ source: Substring) {
    bytes = Array(source.utf8)
  }

  /// The tokens of `source`, ending with `.end`.
  static func tokens(of source: Substring) throws(TemplateError) -> [ExpressionToken] {
    var lexer = ExpressionLexer(source)
    var tokens: [ExpressionToken] = []
    tokens.reserveCapacity(8)
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token == .end { return tokens }
      if tokens.count > maxTokens {
        throw TemplateError(
          "the expression is too long (more than \(maxTokens) tokens)",
          help: "compute the value in the service's values instead")
      }
    }
  }

  static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && isIdentifierStart(UInt8(scalar.value))
  }

  static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && isIdentifierPart(UInt8(scalar.value))
  }

  private static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
  }

  private static func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || isDigit(byte)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private func peek(_ ahead: Int = 0) -> UInt8? {
    position + ahead < bytes.count ? bytes[position + ahead] : nil
  }

  private func peekIs(_ ascii: Unicode.Scalar, _ ahead: Int = 0) -> Bool {
    peek(ahead) == UInt8(ascii: ascii)
  }

  private mutating func next() throws(TemplateError) -> ExpressionToken {
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      position += 1
    }
    guard let byte = peek() else { return .end }
    if Self.isIdentifierStart(byte) { return identifier() }
    if Self.isDigit(byte) { return try number() }
    if byte == 0x22 /* " */ || byte == 0x27 /* ' */ { return try string(quote: byte) }
    return try symbol(byte)
  }

  private mutating func identifier() -> ExpressionToken {
    let start = position
    while let byte = peek(), Self.isIdentifierPart(byte) { position += 1 }
    return .identifier(text(start..<position))
  }

  /// `[0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?`: an integer unless it has a fraction or
  /// an exponent.
  private mutating func number() throws(TemplateError) -> ExpressionToken {
    let start = position
    var isFloat = false
    while let byte = peek(), Self.isDigit(byte) { position += 1 }
    if peekIs("."), let digit = peek(1), Self.isDigit(digit) {
      isFloat = true
      position += 1
      while let byte = peek(), Self.isDigit(byte) { position += 1 }
    }
    if peekIs("e") || peekIs("E") {
      var ahead = 1
      if peekIs("+", ahead) || peekIs("-", ahead) { ahead += 1 }
      if let digit = peek(ahead), Self.isDigit(digit) {
        isFloat = true
        position += ahead
        while let byte = peek(), Self.isDigit(byte) { position += 1 }
      }
    }
    let literal = text(start..<position)
    if let byte = peek(), Self.isIdentifierPart(byte) || byte == 0x2E /* . */ {
      throw TemplateError("'\(literal)\(scalarText(at: position))…' is not a valid number")
    }
    if isFloat, let value = Double(literal) { return .number(.float(value)) }
    if let value = Int(literal) { return .number(.int(value)) }
    throw TemplateError("the number '\(literal)' does not fit in 64 bits")
  }

  private mutating func string(quote: UInt8) throws(TemplateError) -> ExpressionToken {
    position += 1
    var value: [UInt8] = []
    var start = position
    while let byte = peek() {
      if byte == quote {
        value += bytes[start..<position]
        position += 1
        return .string(String(decoding: value, as: UTF8.self))
      }
      guard byte == 0x5C /* \\ */ else {
        position += 1
        continue
      }
      value += bytes[start..<position]
      guard let escaped = peek(1) else { break }
      position += 2
      switch Unicode.Scalar(escaped) {
      case "\\", "'", "\"": value.append(escaped)
      case "n": value.append(0x0A)
      case "t": value.append(0x09)
      case "r": value.append(0x0D)
      case "0": value.append(0)
      case "u": value += Array(String(try unicodeEscape()).utf8)
      default:
        throw TemplateError(
          "unknown escape '\\\(scalarText(at: position - 1))' in a string",
          help: "escapes are \\\\ \\' \\\" \\n \\t \\r \\0 and \\u{…}")
      }
      start = position
    }
    throw TemplateError("unterminated string: add the closing \(Unicode.Scalar(quote))")
  }

  /// The `{hex}` after `\u`.
  private mutating func unicodeEscape() throws(TemplateError) -> Unicode.Scalar {
    guard peekIs("{") else { throw TemplateError("write a Unicode escape as \\u{1F600}") }
    position += 1
    let start = position
    while let byte = peek(), byte != 0x7D /* } */, position - start <= 8 { position += 1 }
    let digits = text(start..<position)
    guard peekIs("}"), let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code)
    else { throw TemplateError("'\\u{\(digits)' is not a valid Unicode escape") }
    position += 1
    return scalar
  }

  private mutating func symbol(_ byte: UInt8) throws(TemplateError) -> ExpressionToken {
    let first = Unicode.Scalar(byte)
    let second = peek(1).map(Unicode.Scalar.init)
    let symbol: ExpressionToken.Symbol
    var length = 1
    switch (first, second) {
    case ("|", "|"): (symbol, length) = (.or, 2)
    case ("&", "&"): (symbol, length) = (.and, 2)
    case ("?", "?"): (symbol, length) = (.coalesce, 2)
    case ("=", "="): (symbol, length) = (.equal, 2)
    case ("!", "="): (symbol, length) = (.notEqual, 2)
    case ("<", "="): (symbol, length) = (.lessOrEqual, 2)
    case (">", "="): (symbol, length) = (.greaterOrEqual, 2)
    case (".", _): symbol = .dot
    case (",", _): symbol = .comma
    case ("(", _): symbol = .leftParen
    case (")", _): symbol = .rightParen
    case ("[", _): symbol = .leftBracket
    case ("]", _): symbol = .rightBracket
    case ("{", _): symbol = .leftBrace
    case ("}", _): symbol = .rightBrace
    case ("?", _): symbol = .question
    case (":", _): symbol = .colon
    case ("|", _): symbol = .pipe
    case ("<", _): symbol = .less
    case (">", _): symbol = .greater
    case ("!", _): symbol = .not
    case ("-", _): symbol = .minus
    case ("&", _): throw TemplateError("unexpected '&'; did you mean '&&'?")
    case ("=", _): throw TemplateError("unexpected '='; did you mean '=='?")
    default:
      throw TemplateError("unexpected character '\(scalarText(at: position))'")
    }
    position += length
    return .symbol(symbol)
  }

  private func text(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  /// The whole character starting at byte `index`, for messages (it may be multi-byte).
  private func scalarText(at index: Int) -> String {
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return text(index..<min(end, bytes.count))
  }
}
