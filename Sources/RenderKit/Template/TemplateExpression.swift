/// The syntax tree of one `${ }` expression (or one `when:` condition).
///
/// `description` prints it back in the template language, for messages:
/// `'values.replcas' is not defined`.
indirect enum TemplateExpression: Equatable, Sendable, CustomStringConvertible {
  case literal(Scalar)
  case name(String)
  /// `base.key` or `base["key"]`.
  case member(TemplateExpression, String)
  /// `base[index]`, where the index is not a string literal.
  case index(TemplateExpression, TemplateExpression)
  case not(TemplateExpression)
  case negate(TemplateExpression)
  case binary(BinaryOperator, TemplateExpression, TemplateExpression)
  /// `input | name(arguments…)`.
  case filter(TemplateExpression, name: String, arguments: [TemplateExpression])
  /// `condition ? then : otherwise`, or `if condition then a else b`; without `else`
  /// (only in the `if` form) the otherwise-value is null.
  case conditional(TemplateExpression, TemplateExpression, TemplateExpression?)
  /// `[a, b, c]`.
  case list([TemplateExpression])
  /// `{key: value, "other-key": value}`, keys in the order written.
  case map([MapEntry])

  /// One `key: value` of a map literal.
  struct MapEntry: Equatable, Sendable {
    var key: String
    var value: TemplateExpression
  }

  enum BinaryOperator: String, Sendable {
    case coalesce = "??"
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
  }

  var description: String {
    switch self {
    case .literal(.string(let text)): return Self.quoted(text)
    case .literal(let scalar): return scalar.canonicalText
    case .name(let name): return name
    case .member(let base, let key):
      return Self.isIdentifier(key)
        ? "\(base.operand).\(key)" : "\(base.operand)[\(Self.quoted(key))]"
    case .index(let base, let index): return "\(base.operand)[\(index)]"
    case .not(let operand): return "!\(operand.operand)"
    case .negate(let operand): return "-\(operand.operand)"
    case .binary(let op, let left, let right):
      return "\(left.operand) \(op.rawValue) \(right.operand)"
    case .filter(let input, let name, let arguments):
      let call =
        arguments.isEmpty
        ? name : "\(name)(\(arguments.map(\.description).joined(separator: ", ")))"
      return "\(input) | \(call)"
    case .conditional(let condition, let then, let otherwise?):
      return "\(condition.operand) ? \(then.operand) : \(otherwise.operand)"
    case .conditional(let condition, let then, nil):
      return "if \(condition) then \(then)"
    case .list(let items):
      return "[\(items.map(\.description).joined(separator: ", "))]"
    case .map(let entries):
      let fields = entries.map {
        "\(Self.isIdentifier($0.key) ? $0.key : Self.quoted($0.key)): \($0.value)"
      }
      return "{\(fields.joined(separator: ", "))}"
    }
  }

  /// The description, parenthesized when it would not read back as one operand.
  private var operand: String {
    switch self {
    case .binary, .filter, .conditional: "(\(description))"
    default: description
    }
  }

  /// Whether `text` can be written after a `.`: `[A-Za-z_][A-Za-z0-9_]*`.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, ExpressionLexer.isIdentifierStart(first)
    else { return false }
    return text.unicodeScalars.allSatisfy(ExpressionLexer.isIdentifierPart)
  }

  /// A double-quoted string literal that the lexer reads back as `text`.
  static func quoted(_ text: String) -> String {
    TextEscaping.escaped(text, quote: "\"", TextEscaping.backslashEscape)
  }
}
