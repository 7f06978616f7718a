/// A JSON-Schema `pattern`, compiled once: template parameters and Kubernetes/CRD
/// schemas use the same engine, so a pattern means the same in both.
///
/// Swift's `Regex`, matching Unicode scalars (as ECMA-262 and ICU do) rather than
/// characters. Its syntax covers what Kubernetes accepts: the API server checks patterns
/// with Go's RE2, which has no lookaround at all; lookbehind is the one ECMA-262
/// feature `Regex` lacks, and a pattern using it is reported as unreadable.
public struct RegexPattern: @unchecked Sendable {
  // `@unchecked`: a `Regex` is an immutable value whose compiled program is shared
  // safely between threads; it is not `Sendable` only because `AnyRegexOutput` (the
  // captures, which `matches` never returns) is not.
  public let source: String
  private let regex: Regex<AnyRegexOutput>

  /// `nil` when `source` is not a regular expression.
  public init?(_ source: String) {
    guard let regex = try? Regex(source) else { return nil }
    self.source = source
    self.regex = regex.matchingSemantics(.unicodeScalar)
  }

  /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not
  /// anchored).
  public func matches(_ text: String) -> Bool {
    (try? regex.firstMatch(in: text)) != nil
  }
}
