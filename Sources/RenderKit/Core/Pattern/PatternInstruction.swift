/// One instruction of a compiled pattern: a Thompson NFA written as a program.
enum PatternInstruction: Sendable {
  /// Consume exactly this scalar.
  case scalar(UInt32)
  /// Consume this scalar or one of its case variants.
  case foldedScalar(UInt32)
  /// Consume a scalar of `PatternProgram.classes[index]`.
  case characterClass(Int)
  /// `.`: consume any scalar, or any but `\n`.
  case anyScalar(matchesNewline: Bool)
  /// Continue at both targets.
  case split(Int, Int)
  case jump(Int)
  /// Continue only where the assertion holds.
  case assertion(PatternAssertion)
  case match
}
