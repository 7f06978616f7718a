/// How a scalar was written in the source. Templates need it: a plain `${ x }` takes
/// the type of `x`, a quoted one is always a string.
public enum ScalarStyle: Hashable, Sendable {
  case plain
  case singleQuoted
  case doubleQuoted
  case literal
  case folded
}
