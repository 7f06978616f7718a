import Synchronization

/// Lends `PatternAutomaton`s (each with its own cache) to the threads that validate in
/// parallel: a pattern compiled once is shared by every resource, and no two threads
/// ever touch one automaton's cache at once.
final class PatternMatcherPool: Sendable {
  /// Automata kept for reuse; more threads than this just build a fresh one.
  private static let maximumIdle = 8

  private let program: PatternProgram
  private let idle = Mutex<[PatternAutomaton]>([])

  init(_ program: PatternProgram) {
    self.program = program
  }

  func matches(_ text: String) -> Bool {
    var automaton = idle.withLock { $0.popLast() } ?? PatternAutomaton(program)
    let result = automaton.matches(text)
    idle.withLock { automata in
      if automata.count < Self.maximumIdle { automata.append(automaton) }
    }
    return result
  }
}
