/// Searches text for a pattern in time linear in the text: a lazy DFA.
///
/// The underlying algorithm is Thompson's (a Pike VM without captures): all threads of
/// the NFA advance together, one scalar at a time, so no input makes it backtrack. The
/// automaton memoises each step: a set of threads, plus the kind of scalar before the
/// position (for `^`, `$` and `\b`), is a DFA state, and its successor on a scalar is
/// computed once and cached. Work per scalar is one table lookup once the states are
/// built, and at most one NFA step (bounded by the program's size) otherwise. The cache
/// is bounded: when it fills, it is flushed and the search continues from the current
/// threads, as RE2 does, so memory stays bounded and time linear on any input; a search
/// that fills it again and again finishes as a plain Pike VM (`simulate`).
///
/// Mutable (it owns its cache): `PatternMatcherPool` hands each thread its own.
struct PatternAutomaton: Sendable {
  /// States kept before the cache is flushed; each holds a 128-entry ASCII table.
  static let maximumStates = 1_000
  /// Cached successors on non-ASCII scalars, across all states, before a flush.
  static let maximumOtherTransitions = 20_000
  /// Threads stored across all states (4 bytes each) before a flush: large programs
  /// have large states.
  static let maximumStoredThreads = 500_000
  /// Cache flushes in one search after which the rest of the text is simulated without
  /// the cache.
  static let flushesBeforeSimulation = 3

  private enum Kind {
    static let beginning: UInt8 = 0
    static let newline: UInt8 = 1
    static let word: UInt8 = 2
    static let other: UInt8 = 3
    static let end: UInt8 = 4
  }

  private static let unknown: Int32 = -1
  private static let matched: Int32 = -2

  private struct State: Sendable {
    /// Consuming instructions' successors: the threads waiting at this position,
    /// sorted.
    let threads: [Int32]
    /// The kind of scalar just read (`Kind`).
    let previous: UInt8
    var ascii: [Int32]
    var other: [UInt32: Int32] = [:]
    /// Whether the pattern matches if the text ends here: -1 not known yet, 0, 1.
    var atEnd: Int8 = -1
  }

  private struct StateKey: Hashable {
    let threads: [Int32]
    let previous: UInt8
  }

  let program: PatternProgram
  /// The program starts with `^` or `\A`: no match can start after the first position.
  private let anchoredAtStart: Bool
  private var states: [State] = []
  private var stateIndex: [StateKey: Int32] = [:]
  private var otherTransitions = 0
  private var storedThreads = 0
  private var flushes = 0
  // Scratch space for closures: `marks[pc] == generation` means visited.
  private var marks: [UInt32]
  private var generation: UInt32 = 0
  private var stack: [Int32] = []

  init(_ program: PatternProgram) {
    self.program = program
    if case .assertion(.beginText) = program.instructions.first {
      anchoredAtStart = true
    } else {
      anchoredAtStart = false
    }
    marks = Array(repeating: 0, count: program.instructions.count)
  }

  /// Whether the pattern matches anywhere in `text`.
  mutating func matches(_ text: String) -> Bool {
    var state = intern([], previous: Kind.beginning)
    let flushesBefore = flushes
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if anchoredAtStart && states[Int(state)].threads.isEmpty
        && states[Int(state)].previous != Kind.beginning
      {
        return false
      }
      let next = successor(of: state, on: scalar)
      if next == Self.matched { return true }
      state = next
      if flushes - flushesBefore >= Self.flushesBeforeSimulation {
        // The text keeps making new states: caching them costs more than it saves.
        let current = states[Int(state)]
        return simulate(current.threads, previous: current.previous, rest: &scalars)
      }
    }
    return matchesAtEnd(state)
  }

  /// The rest of a search without the cache: the Pike VM itself, one closure and one
  /// step per scalar, as RE2 falls back to its NFA when the DFA cache thrashes.
  private mutating func simulate(
    _ threads: [Int32], previous: UInt8, rest: inout String.UnicodeScalarView.Iterator
  ) -> Bool {
    var threads = threads
    var previous = previous
    while let scalar = rest.next() {
      if anchoredAtStart && threads.isEmpty && previous != Kind.beginning { return false }
      let kind = Self.kind(of: scalar)
      let (closed, matched) = closure(of: threads, previous: previous, next: kind)
      if matched { return true }
      threads.removeAll(keepingCapacity: true)
      for pc in closed where program.accepts(Int(pc), scalar) {
        threads.append(pc + 1)
      }
      previous = program.hasAssertions ? kind : Kind.other
    }
    return closure(of: threads, previous: previous, next: Kind.end).matched
  }

  // MARK: Steps

  private mutating func successor(of state: Int32, on scalar: Unicode.Scalar) -> Int32 {
    let value = scalar.value
    if value < 128 {
      let cached = states[Int(state)].ascii[Int(value)]
      if cached != Self.unknown { return cached }
    } else if let cached = states[Int(state)].other[value] {
      return cached
    }
    let kind = Self.kind(of: scalar)
    let source = states[Int(state)]
    let (threads, matched) = closure(of: source.threads, previous: source.previous, next: kind)
    var result = Self.matched
    if !matched {
      var stepped: [Int32] = []
      for pc in threads where program.accepts(Int(pc), scalar) {
        stepped.append(pc + 1)
      }
      stepped.sort()
      if states.count >= Self.maximumStates || otherTransitions >= Self.maximumOtherTransitions
        || storedThreads >= Self.maximumStoredThreads
      {
        flush()
        return intern(stepped, previous: program.hasAssertions ? kind : Kind.other)
      }
      result = intern(stepped, previous: program.hasAssertions ? kind : Kind.other)
    }
    if value < 128 {
      states[Int(state)].ascii[Int(value)] = result
    } else {
      states[Int(state)].other[value] = result
      otherTransitions += 1
    }
    return result
  }

  private mutating func matchesAtEnd(_ state: Int32) -> Bool {
    let cached = states[Int(state)].atEnd
    if cached >= 0 { return cached == 1 }
    let source = states[Int(state)]
    let matched = closure(of: source.threads, previous: source.previous, next: Kind.end).matched
    states[Int(state)].atEnd = matched ? 1 : 0
    return matched
  }

  /// The threads reachable without consuming from `threads` and a thread starting here
  /// (the search is unanchored), keeping the consuming instructions; `matched` when
  /// one reaches `match`.
  private mutating func closure(
    of threads: [Int32], previous: UInt8, next: UInt8
  ) -> (threads: [Int32], matched: Bool) {
    generation &+= 1
    if generation == 0 {
      for index in marks.indices { marks[index] = 0 }
      generation = 1
    }
    var result: [Int32] = []
    stack.removeAll(keepingCapacity: true)
    stack.append(contentsOf: threads.reversed())
    stack.append(0)
    var matched = false
    while let pc = stack.popLast() {
      let index = Int(pc)
      guard marks[index] != generation else { continue }
      marks[index] = generation
      switch program.instructions[index] {
      case .match:
        matched = true
      case .jump(let target):
        stack.append(Int32(target))
      case .split(let first, let second):
        stack.append(Int32(second))
        stack.append(Int32(first))
      case .assertion(let assertion):
        if Self.holds(assertion, previous: previous, next: next) {
          stack.append(pc + 1)
        }
      case .scalar, .foldedScalar, .characterClass, .anyScalar:
        result.append(pc)
      }
    }
    return (result, matched)
  }

  private static func holds(_ assertion: PatternAssertion, previous: UInt8, next: UInt8) -> Bool {
    switch assertion {
    case .beginText: previous == Kind.beginning
    case .endText: next == Kind.end
    case .beginLine: previous == Kind.beginning || previous == Kind.newline
    case .endLine: next == Kind.end || next == Kind.newline
    case .wordBoundary: (previous == Kind.word) != (next == Kind.word)
    case .notWordBoundary: (previous == Kind.word) == (next == Kind.word)
    }
  }

  private static func kind(of scalar: Unicode.Scalar) -> UInt8 {
    if scalar == "\n" { return Kind.newline }
    return PatternParser.isWordScalar(scalar) ? Kind.word : Kind.other
  }

  // MARK: Cache

  private mutating func intern(_ threads: [Int32], previous: UInt8) -> Int32 {
    let key = StateKey(threads: threads, previous: previous)
    if let index = stateIndex[key] { return index }
    let index = Int32(states.count)
    storedThreads += threads.count
    states.append(
      State(
        threads: threads, previous: previous,
        ascii: Array(repeating: Self.unknown, count: 128)))
    stateIndex[key] = index
    return index
  }

  private mutating func flush() {
    states.removeAll(keepingCapacity: true)
    stateIndex.removeAll(keepingCapacity: true)
    otherTransitions = 0
    storedThreads = 0
    flushes += 1
  }
}
