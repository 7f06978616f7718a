/// Compiles a `PatternNode` to a `PatternProgram` (Thompson's construction).
///
/// Counted repetition is expanded (`x{2,4}` is `xx(x(x)?)?`), as in RE2; the program's
/// size is capped so that matching stays fast as well as linear.
struct PatternCompiler {
  /// Instructions a pattern may compile to: matching costs at most this much per scalar
  /// of input. `[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?` takes about 190.
  static let maximumInstructions = 20_000

  private var program = PatternProgram()
  private var tooLarge = false

  static func compile(_ node: PatternNode) throws(PatternSyntaxError) -> PatternProgram {
    var compiler = PatternCompiler()
    compiler.emit(node)
    compiler.append(.match)
    if compiler.tooLarge {
      throw PatternSyntaxError(
        "the pattern is too large: its repetitions expand to more than "
          + "\(maximumInstructions) instructions", at: 0,
        help: "use smaller repeat counts, or `*` and `+` instead of large `{n,m}`")
    }
    return compiler.program
  }

  @discardableResult
  private mutating func append(_ instruction: PatternInstruction) -> Int {
    if program.instructions.count >= Self.maximumInstructions { tooLarge = true }
    program.instructions.append(instruction)
    return program.instructions.count - 1
  }

  private mutating func emit(_ node: PatternNode) {
    guard !tooLarge else { return }
    switch node {
    case .empty:
      break
    case .literal(let scalar, let foldsCase):
      append(foldsCase ? .foldedScalar(scalar.value) : .scalar(scalar.value))
    case .characterClass(let characterClass):
      program.classes.append(characterClass)
      append(.characterClass(program.classes.count - 1))
    case .anyScalar(let matchesNewline):
      append(.anyScalar(matchesNewline: matchesNewline))
    case .assertion(let assertion):
      program.hasAssertions = true
      append(.assertion(assertion))
    case .concatenation(let items):
      for item in items { emit(item) }
    case .alternation(let branches):
      // split L1, next; L1: a; jmp end; next: split L2, … ; last branch falls through.
      var jumps: [Int] = []
      for (offset, branch) in branches.enumerated() {
        if offset == branches.count - 1 {
          emit(branch)
        } else {
          let split = append(.split(0, 0))
          emit(branch)
          jumps.append(append(.jump(0)))
          patch(split, .split(split + 1, program.instructions.count))
        }
      }
      for jump in jumps { patch(jump, .jump(program.instructions.count)) }
    case .repetition(let body, let minimum, let maximum):
      for _ in 0..<minimum {
        emit(body)
        if tooLarge { return }
      }
      if let maximum {
        // Nested optionals: (x(x)?)? for two more.
        var splits: [Int] = []
        for _ in minimum..<maximum {
          splits.append(append(.split(0, 0)))
          emit(body)
          if tooLarge { return }
        }
        let end = program.instructions.count
        for split in splits { patch(split, .split(split + 1, end)) }
      } else {
        // L: split body, end; body; jmp L
        let loop = append(.split(0, 0))
        emit(body)
        append(.jump(loop))
        patch(loop, .split(loop + 1, program.instructions.count))
      }
    }
  }

  private mutating func patch(_ index: Int, _ instruction: PatternInstruction) {
    guard index < program.instructions.count else { return }
    program.instructions[index] = instruction
  }
}
