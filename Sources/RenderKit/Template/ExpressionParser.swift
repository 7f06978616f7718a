/// Parses the text of one expression into a `TemplateExpression`, by recursive descent.
///
/// Grammar, lowest precedence first:
/// ```
/// pipeline   := conditional ('|' filter)*
/// filter     := IDENT ('(' pipeline (',' pipeline)* ')')?
/// conditional:= 'if' pipeline 'then' pipeline ('else' conditional)?
///             | coalesce ('?' pipeline ':' conditional)?
/// coalesce   := or ('??' or)*
/// or         := and ('||' and)*
/// and        := equality ('&&' equality)*
/// equality   := comparison (('==' | '!=') comparison)*
/// comparison := unary (('<' | '<=' | '>' | '>=') unary)*
/// unary      := '!' unary | '-' unary | postfix
/// postfix    := primary ('.' IDENT | '[' pipeline ']')*
/// primary    := IDENT | number | string | true | false | null | '(' pipeline ')'
///             | '[' (pipeline (',' pipeline)* ','?)? ']'
///             | '{' (key ':' pipeline (',' key ':' pipeline)* ','?)? '}'
/// key        := IDENT | string
/// ```
struct ExpressionParser {
  /// How deep parentheses, brackets, filter arguments and prefix operators may nest; with
  /// `ExpressionLexer.maxTokens` it bounds the recursion of parsing and evaluation.
  static let maxNesting = 32

  private let tokens: [ExpressionToken]
  private var position = 0
  private var nesting = 0

  private init(tokens: [ExpressionToken]) {
    self.tokens = tokens
  }

  /// Parses the whole of `source`; anything left over is an error.
  static func parse(_ source: Substring) throws(TemplateError) -> TemplateExpression {
    let tokens = try ExpressionLexer.tokens(of: source)
    if tokens.first == .end { throw TemplateError("the expression is empty") }
    var parser = ExpressionParser(tokens: tokens)
    let expression = try parser.pipeline()
    guard parser.current == .end else { throw parser.unexpectedToken() }
    return expression
  }

  private var current: ExpressionToken { position < tokens.count ? tokens[position] : .end }
  private var previous: ExpressionToken? { position > 0 ? tokens[position - 1] : nil }

  private mutating func advance() {
    if position < tokens.count { position += 1 }
  }

  private mutating func match(_ symbol: ExpressionToken.Symbol) -> Bool {
    guard current == .symbol(symbol) else { return false }
    advance()
    return true
  }

  private mutating func expect(
    _ symbol: ExpressionToken.Symbol, _ purpose: String
  ) throws(TemplateError) {
    guard match(symbol) else {
      throw TemplateError("expected '\(symbol.rawValue)' \(purpose), found \(current)")
    }
  }

  private mutating func enter() throws(TemplateError) {
    nesting += 1
    if nesting > Self.maxNesting {
      throw TemplateError("the expression nests more than \(Self.maxNesting) levels deep")
    }
  }

  /// The error for a token that cannot continue the expression.
  private func unexpectedToken() -> TemplateError {
    let after = previous.map { " after \($0)" } ?? ""
    if current == .symbol(.minus), case .identifier(let name)? = previous {
      var key = name + "-"
      if position + 1 < tokens.count, case .identifier(let rest) = tokens[position + 1] {
        key += rest
      }
      return TemplateError(
        "unexpected '-' after '\(name)': names cannot contain '-'",
        help: "read such a key with brackets: [\(TemplateExpression.quoted(key))]")
    }
    return TemplateError("unexpected \(current)\(after)")
  }

  // MARK: Grammar

  private mutating func pipeline() throws(TemplateError) -> TemplateExpression {
    var expression = try conditional()
    while match(.pipe) {
      guard case .identifier(let name) = current else {
        throw TemplateError("expected a filter name after '|', found \(current)")
      }
      advance()
      var arguments: [TemplateExpression] = []
      if match(.leftParen), !match(.rightParen) {
        try enter()
        repeat {
          arguments.append(try pipeline())
        } while match(.comma)
        nesting -= 1
        try expect(.rightParen, "to close the arguments of '\(name)'")
      }
      expression = .filter(expression, name: name, arguments: arguments)
    }
    return expression
  }

  private mutating func keyword(_ word: String) -> Bool {
    guard current == .identifier(word) else { return false }
    advance()
    return true
  }

  private mutating func conditional() throws(TemplateError) -> TemplateExpression {
    if keyword("if") {
      try enter()
      defer { nesting -= 1 }
      let condition = try pipeline()
      guard keyword("then") else {
        throw TemplateError(
          "expected 'then' after the condition of 'if', found \(current)",
          help: "write 'if condition then value else other'")
      }
      let then = try pipeline()
      let otherwise = keyword("else") ? try conditional() : nil
      return .conditional(condition, then, otherwise)
    }
    let condition = try binary()
    guard match(.question) else { return condition }
    try enter()
    defer { nesting -= 1 }
    let then = try pipeline()
    guard match(.colon) else {
      throw TemplateError(
        "expected ':' after 'cond ? value', found \(current)",
        help: "write 'condition ? value : other'; '??' gives a default for a null value")
    }
    return .conditional(condition, then, try conditional())
  }

  /// The binary operators by precedence, loosest first; each level is left-associative.
  private static let binaryLevels: [[TemplateExpression.BinaryOperator]] = [
    [.coalesce], [.or], [.and], [.equal, .notEqual],
    [.less, .lessOrEqual, .greater, .greaterOrEqual],
  ]

  /// `operand (op operand)*` for the operators of `level`, whose operands are the
  /// next level's (the last level's are unary expressions).
  private mutating func binary(level: Int = 0) throws(TemplateError) -> TemplateExpression {
    guard level < Self.binaryLevels.count else { return try unary() }
    var expression = try binary(level: level + 1)
    while case .symbol(let symbol) = current,
      let op = TemplateExpression.BinaryOperator(rawValue: symbol.rawValue),
      Self.binaryLevels[level].contains(op)
    {
      advance()
      expression = .binary(op, expression, try binary(level: level + 1))
    }
    return expression
  }

  private mutating func unary() throws(TemplateError) -> TemplateExpression {
    if match(.not) {
      try enter()
      defer { nesting -= 1 }
      return .not(try unary())
    }
    if match(.minus) {
      try enter()
      defer { nesting -= 1 }
      return .negate(try unary())
    }
    return try postfix()
  }

  private mutating func postfix() throws(TemplateError) -> TemplateExpression {
    var expression = try primary()
    while true {
      if match(.dot) {
        guard case .identifier(let name) = current else {
          if case .number(.int(let index)) = current {
            throw TemplateError(
              "expected a name after '.', found \(current)",
              help: "read an item of a list with brackets: [\(index)]")
          }
          throw TemplateError("expected a name after '.', found \(current)")
        }
        advance()
        expression = .member(expression, name)
      } else if match(.leftBracket) {
        try enter()
        let index = try pipeline()
        nesting -= 1
        try expect(.rightBracket, "to close '['")
        // `x["key"]` and `x.key` are the same read; one case keeps evaluation simple.
        if case .literal(.string(let key)) = index {
          expression = .member(expression, key)
        } else {
          expression = .index(expression, index)
        }
      } else {
        return expression
      }
    }
  }

  private mutating func primary() throws(TemplateError) -> TemplateExpression {
    let token = current
    switch token {
    case .identifier("true"):
      advance()
      return .literal(.bool(true))
    case .identifier("false"):
      advance()
      return .literal(.bool(false))
    case .identifier("null"):
      advance()
      return .literal(.null)
    case .identifier(let name):
      advance()
      return .name(name)
    case .number(let value):
      advance()
      return .literal(value)
    case .string(let text):
      advance()
      return .literal(.string(text))
    case .symbol(.leftParen):
      advance()
      try enter()
      let inner = try pipeline()
      nesting -= 1
      try expect(.rightParen, "to close '('")
      return inner
    case .symbol(.leftBracket):
      advance()
      try enter()
      defer { nesting -= 1 }
      var items: [TemplateExpression] = []
      while !match(.rightBracket) {
        items.append(try pipeline())
        if match(.comma) { continue }
        try expect(.rightBracket, "to close the list")
        break
      }
      return .list(items)
    case .symbol(.leftBrace):
      advance()
      try enter()
      defer { nesting -= 1 }
      return .map(try mapEntries())
    case .symbol, .end:
      let after = previous.map { " after \($0)" } ?? ""
      throw TemplateError("expected a value\(after), found \(token)")
    }
  }

  /// The entries of a map literal after its `{`, through the closing `}`.
  private mutating func mapEntries() throws(TemplateError) -> [TemplateExpression.MapEntry] {
    var entries: [TemplateExpression.MapEntry] = []
    while !match(.rightBrace) {
      let key: String
      switch current {
      case .identifier(let name): key = name
      case .string(let text): key = text
      default:
        throw TemplateError(
          "expected a key in the map literal, found \(current)",
          help: "keys are names or strings: {port: 8080, \"my-key\": true}")
      }
      advance()
      try expect(.colon, "after the key '\(key)'")
      if entries.contains(where: { $0.key == key }) {
        throw TemplateError("the map literal sets '\(key)' twice")
      }
      entries.append(TemplateExpression.MapEntry(key: key, value: try pipeline()))
      if match(.comma) { continue }
      try expect(.rightBrace, "to close the map")
      break
    }
    return entries
  }
}
