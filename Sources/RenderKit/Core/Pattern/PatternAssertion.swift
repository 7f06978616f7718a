/// A zero-width test between two characters.
enum PatternAssertion: Hashable, Sendable {
  /// `^` without `m`, `\A`: the start of the text.
  case beginText
  /// `$` without `m`, `\z`: the very end of the text (RE2's `$` never matches before a
  /// final newline, unlike Perl's and ECMA-262's).
  case endText
  /// `^` under `(?m)`: the start of the text or just after `\n`.
  case beginLine
  /// `$` under `(?m)`: the end of the text or just before `\n`.
  case endLine
  /// `\b`: between an ASCII word character and something else.
  case wordBoundary
  /// `\B`.
  case notWordBoundary
}
