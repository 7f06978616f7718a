/// A JSON-Schema `pattern`, compiled once: template parameters and Kubernetes/CRD
/// schemas use the same engine, so a pattern means the same in both.
///
/// The API server checks patterns with Go's `regexp`, which is RE2: a pattern is
/// searched for (not anchored), `$` matches only at the very end, `\d`, `\w`, `\s` and
/// `\b` are ASCII, and backreferences, lookaround and possessive quantifiers are syntax
/// errors. render reads the same syntax (`PatternParser`) and matches in time linear in
/// the text (`PatternAutomaton`), so no pattern and no value can make validation hang.
/// Text is matched by Unicode scalars, as RE2 matches runes.
public struct RegexPattern: Sendable {
  public let source: String
  private let matcher: PatternMatcherPool

  /// Throws when `source` is not a pattern RE2 accepts; the error says where.
  public init(_ source: String) throws(PatternSyntaxError) {
    let node = try PatternParser.parse(source)
    let program = try PatternCompiler.compile(node)
    self.source = source
    self.matcher = PatternMatcherPool(program)
  }

  /// Whether the pattern matches anywhere in `text` (JSON Schema patterns are not
  /// anchored).
  public func matches(_ text: String) -> Bool {
    matcher.matches(text)
  }
}
