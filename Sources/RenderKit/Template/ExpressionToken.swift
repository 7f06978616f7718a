/// One token of an expression, as `ExpressionLexer` reads it.
enum ExpressionToken: Equatable, Sendable, CustomStringConvertible {
  /// A name; `true`, `false` and `null` too, which the parser reads as literals except
  /// after a `.` (so `values.null` is a key).
  case identifier(String)
  case number(Scalar)
  case string(String)
  case symbol(Symbol)
  case end

  enum Symbol: String, Sendable {
    case dot = "."
    case comma = ","
    case leftParen = "("
    case rightParen = ")"
    case leftBracket = "["
    case rightBracket = "]"
    case leftBrace = "{"
    case rightBrace = "}"
    case question = "?"
    case colon = ":"
    case pipe = "|"
    case or = "||"
    case and = "&&"
    case coalesce = "??"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case not = "!"
    case minus = "-"
  }

  /// The token as messages quote it.
  var description: String {
    switch self {
    case .identifier(let name): "'\(name)'"
    case .number(let value): "'\(value.canonicalText)'"
    case .string(let text): TemplateExpression.quoted(text)
    case .symbol(let symbol): "'\(symbol.rawValue)'"
    case .end: "the end of the expression"
    }
  }
}
