/// A Kubernetes label selector in the string form `kubectl -l` and kustomize's patch
/// targets take: `app=web,tier!=cache,env in (prod, staging),!legacy`.
///
/// Requirements are ANDed. Supported: `k=v`, `k==v`, `k!=v`, `k in (a, b)`,
/// `k notin (a, b)`, `k` (has the label) and `!k` (lacks it). As in Kubernetes, `!=` and
/// `notin` also match resources without the label.
public struct LabelSelector: Hashable, Sendable, CustomStringConvertible {
  public enum Requirement: Hashable, Sendable {
    case equals(String, String)
    case notEquals(String, String)
    case isIn(String, Set<String>)
    case notIn(String, Set<String>)
    case exists(String)
    case doesNotExist(String)

    func matches(_ labels: [String: String]) -> Bool {
      switch self {
      case .equals(let key, let value): labels[key] == value
      case .notEquals(let key, let value): labels[key] != value
      case .isIn(let key, let values): labels[key].map(values.contains) ?? false
      case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
      case .exists(let key): labels[key] != nil
      case .doesNotExist(let key): labels[key] == nil
      }
    }
  }

  public let requirements: [Requirement]
  /// The selector as written.
  public let text: String

  public var description: String { text }

  /// Parses `text`; the error is a message for the user.
  public init(parsing text: String) throws(LabelSelectorError) {
    var parser = Parser(text: text)
    requirements = try parser.parseSelector()
    self.text = text
  }

  public func matches(_ labels: [String: String]) -> Bool {
    requirements.allSatisfy { $0.matches(labels) }
  }

  /// A recursive-descent parser over a tiny token stream; selectors are one line, so
  /// positions are reported as character offsets into it.
  private struct Parser {
    enum Token: Equatable {
      case word(String)
      case equals, doubleEquals, notEquals, bang, open, close, comma, end
    }

    let characters: [Character]
    var position = 0
    var tokenStart = 0

    init(text: String) { characters = Array(text) }

    static func isWordCharacter(_ character: Character) -> Bool {
      character.isLetter || character.isNumber || "-_./".contains(character)
    }

    mutating func next() throws(LabelSelectorError) -> Token {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
      tokenStart = position
      guard position < characters.count else { return .end }
      let character = characters[position]
      position += 1
      switch character {
      case "(": return .open
      case ")": return .close
      case ",": return .comma
      case "=":
        if position < characters.count, characters[position] == "=" {
          position += 1
          return .doubleEquals
        }
        return .equals
      case "!":
        if position < characters.count, characters[position] == "=" {
          position += 1
          return .notEquals
        }
        return .bang
      default:
        guard Parser.isWordCharacter(character) else {
          throw LabelSelectorError("unexpected '\(character)' at character \(tokenStart + 1)")
        }
        var word = String(character)
        while position < characters.count, Parser.isWordCharacter(characters[position]) {
          word.append(characters[position])
          position += 1
        }
        return .word(word)
      }
    }

    mutating func peek() throws(LabelSelectorError) -> Token {
      let saved = position
      defer { position = saved }
      return try next()
    }

    mutating func parseSelector() throws(LabelSelectorError) -> [Requirement] {
      var requirements: [Requirement] = []
      if try peek() == .end { throw LabelSelectorError("the selector is empty") }
      while true {
        requirements.append(try parseRequirement())
        switch try next() {
        case .end: return requirements
        case .comma: continue
        default: throw LabelSelectorError("expected ',' at character \(tokenStart + 1)")
        }
      }
    }

    mutating func parseRequirement() throws(LabelSelectorError) -> Requirement {
      let first = try next()
      if first == .bang {
        return .doesNotExist(try key())
      }
      guard case .word(let key) = first else {
        throw LabelSelectorError("expected a label key at character \(tokenStart + 1)")
      }
      switch try peek() {
      case .end, .comma:
        return .exists(key)
      case .equals, .doubleEquals:
        _ = try next()
        return .equals(key, try value())
      case .notEquals:
        _ = try next()
        return .notEquals(key, try value())
      case .word("in"):
        _ = try next()
        return .isIn(key, try valueSet())
      case .word("notin"):
        _ = try next()
        return .notIn(key, try valueSet())
      default:
        _ = try next()
        throw LabelSelectorError(
          "expected '=', '!=', 'in' or 'notin' after '\(key)' at character \(tokenStart + 1)")
      }
    }

    mutating func key() throws(LabelSelectorError) -> String {
      guard case .word(let key) = try next() else {
        throw LabelSelectorError("expected a label key at character \(tokenStart + 1)")
      }
      return key
    }

    /// A value after `=`; empty when nothing follows (`tier=` selects an empty label).
    mutating func value() throws(LabelSelectorError) -> String {
      if case .word(let value) = try peek() {
        _ = try next()
        return value
      }
      return ""
    }

    mutating func valueSet() throws(LabelSelectorError) -> Set<String> {
      guard try next() == .open else {
        throw LabelSelectorError("expected '(' at character \(tokenStart + 1)")
      }
      var values: Set<String> = []
      while true {
        values.insert(try value())
        switch try next() {
        case .comma: continue
        case .close: return values
        default: throw LabelSelectorError("expected ',' or ')' at character \(tokenStart + 1)")
        }
      }
    }
  }
}

/// Why a label selector did not parse.
public struct LabelSelectorError: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) { self.message = message }
}
