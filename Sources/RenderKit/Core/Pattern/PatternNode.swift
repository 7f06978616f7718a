/// The syntax tree of a pattern, as `PatternParser` reads it.
///
/// Captures are plain groups: a schema pattern only ever answers "does it match", so
/// neither group numbers nor greediness change a verdict (they are parsed, and checked,
/// all the same).
indirect enum PatternNode: Sendable {
  case empty
  /// One scalar; `foldsCase` under `(?i)`.
  case literal(Unicode.Scalar, foldsCase: Bool)
  case characterClass(PatternCharacterClass)
  /// `.`: any scalar, and `\n` too under `(?s)`.
  case anyScalar(matchesNewline: Bool)
  case assertion(PatternAssertion)
  case concatenation([PatternNode])
  case alternation([PatternNode])
  /// `x*`, `x+`, `x?`, `x{n,m}`; `maximum` is nil for no upper bound.
  case repetition(PatternNode, minimum: Int, maximum: Int?)
}
