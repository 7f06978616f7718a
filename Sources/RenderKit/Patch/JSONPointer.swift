/// An RFC 6901 JSON Pointer: `/spec/template/metadata/labels/app.kubernetes.io~1name`.
///
/// `~1` stands for `/` and `~0` for `~` inside a token; `""` points at the whole
/// document. Whether a token is a list index is decided when the pointer is followed,
/// since only then is it known whether it meets a list or a mapping.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible {
  public let tokens: [String]

  public init(tokens: [String]) {
    self.tokens = tokens
  }

  public init(parsing text: String) throws(JSONPointerError) {
    guard !text.isEmpty else {
      tokens = []
      return
    }
    guard text.hasPrefix("/") else {
      throw JSONPointerError(
        "a JSON pointer starts with '/' (or is empty for the whole resource), not '\(text)'")
    }
    var tokens: [String] = []
    for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
      var token = ""
      var characters = raw.makeIterator()
      while let character = characters.next() {
        guard character == "~" else {
          token.append(character)
          continue
        }
        switch characters.next() {
        case "0": token.append("~")
        case "1": token.append("/")
        default:
          throw JSONPointerError(
            "'~' in a JSON pointer must be followed by 0 (for '~') or 1 (for '/'): '\(text)'")
        }
      }
      tokens.append(token)
    }
    self.tokens = tokens
  }

  /// The pointer made of the first `count` tokens, as text.
  public func prefix(_ count: Int) -> String {
    tokens.prefix(count).map { "/" + JSONPointer.escape($0) }.joined()
  }

  public var description: String { prefix(tokens.count) }

  /// Whether `self` is `other` or lies inside it.
  public func isWithin(_ other: JSONPointer) -> Bool {
    tokens.starts(with: other.tokens)
  }

  static func escape(_ token: String) -> String {
    var escaped = ""
    for character in token {
      switch character {
      case "~": escaped += "~0"
      case "/": escaped += "~1"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// The list index a token names: decimal digits without a leading zero (RFC 6901).
  static func index(_ token: String) -> Int? {
    guard !token.isEmpty, token.allSatisfy(\.isASCIIDigit),
      token == "0" || !token.hasPrefix("0")
    else { return nil }
    return Int(token)
  }
}

/// Why a JSON pointer did not parse.
public struct JSONPointerError: Error, Hashable, Sendable {
  public var message: String

  public init(_ message: String) { self.message = message }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
