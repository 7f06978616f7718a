import Foundation

/// A JSON-Schema `pattern`, compiled once: template parameters and Kubernetes/CRD
/// schemas use the same engine, so a pattern means the same in both.
public struct RegexPattern: Sendable {
  public let source: String
  private let regex: NSRegularExpression

  /// `nil` when `source` is not a regular expression.
  public init?(_ source: String) {
    guard let regex = try? NSRegularExpression(pattern: source) else { return nil }
    self.source = source
    self.regex = regex
  }

  /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not
  /// anchored).
  public func matches(_ text: String) -> Bool {
    regex.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
  }
}
