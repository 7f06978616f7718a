/// A compiled pattern: instructions starting at 0, and the classes they refer to.
struct PatternProgram: Sendable {
  var instructions: [PatternInstruction] = []
  var classes: [PatternCharacterClass] = []
  /// Whether any instruction is an assertion: without one, the set of threads after a
  /// scalar does not depend on the scalars around it.
  var hasAssertions = false

  /// Whether instruction `pc`, a consuming one, accepts `scalar`.
  func accepts(_ pc: Int, _ scalar: Unicode.Scalar) -> Bool {
    switch instructions[pc] {
    case .scalar(let value): return scalar.value == value
    case .foldedScalar(let value): return PatternCaseFolding.equal(value, scalar.value)
    case .characterClass(let index): return classes[index].contains(scalar)
    case .anyScalar(let matchesNewline): return matchesNewline || scalar != "\n"
    default: return false
    }
  }
}
