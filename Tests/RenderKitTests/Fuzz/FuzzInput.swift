import Foundation

@testable import RenderKit

/// Deterministic random inputs for the bounded fuzz tests: a SplitMix64 generator and
/// generators of YAML-ish text, expression text and node trees.
///
/// Every run uses the same seeds, so a failure reproduces; `RENDER_FUZZ_SEED` picks
/// other seeds and `RENDER_FUZZ_ITERATIONS` runs longer (Scripts/fuzz.sh documents both).
struct FuzzInput: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  /// The seed of the run: `RENDER_FUZZ_SEED`, else `base`.
  static func seed(_ base: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["RENDER_FUZZ_SEED"].flatMap { UInt64($0) }.map {
      $0 &+ base
    } ?? base
  }

  /// `RENDER_FUZZ_ITERATIONS`, else `standard`: a few seconds in a debug build.
  static func iterations(_ standard: Int) -> Int {
    ProcessInfo.processInfo.environment["RENDER_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? standard
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &self) }
  mutating func chance(_ percent: Int) -> Bool { int(0..<100) < percent }
  mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

  // MARK: YAML

  /// Pieces YAML is made of, including the ones that broke readers: indicators, anchors
  /// and aliases, tags, quotes and escapes, block scalars, directives, YAML 1.1 numbers,
  /// a byte order mark, NEL and line separators, control characters, NFD text.
  static let yamlPieces = [
    "a", "key", "b", "-", "- ", ": ", ":", "\n", "\n  ", "  ", "    ", "[", "]", "{", "}", ", ",
    "&x ", "*x", "&y ", "*y", "!!str ", "!!int ", "!!float ", "!!map ", "!custom ", "'", "\"",
    "\\", "\\n", "\\x85", "\\u2028", "#", " # c", "|", "|-", ">", ">+", "%YAML 1.2\n", "---\n",
    "...\n", "? ", "0644", "0o17", "0x1F", "1_000", "1:30", "yes", "on", "~", "null", "1e400",
    ".inf", "-3.5", "\u{FEFF}", "\u{85}", "\u{2028}", "\u{1}", "\u{0}", "\t", "\r\n", "é",
    "e\u{301}", "配", "🎉", "<<", "$", "${ values.x }", "$${",
  ]

  /// A short YAML-ish text: valid documents often, invalid ones too.
  mutating func yamlText() -> String {
    var text = ""
    for _ in 0..<int(1..<40) { text += pick(Self.yamlPieces) }
    return text
  }

  /// `text` with a few pieces inserted, deleted or swapped.
  mutating func mutate(_ text: String) -> String {
    var scalars = Array(text.unicodeScalars)
    for _ in 0..<int(1..<4) {
      let position = scalars.isEmpty ? 0 : int(0..<scalars.count + 1)
      switch int(0..<3) {
      case 0:
        scalars.insert(contentsOf: pick(Self.yamlPieces).unicodeScalars, at: position)
      case 1 where !scalars.isEmpty:
        let end = min(scalars.count, position + int(1..<6))
        if position < end { scalars.removeSubrange(position..<end) }
      default:
        if scalars.count > 1 {
          let other = int(0..<scalars.count)
          scalars.swapAt(min(position, scalars.count - 1), other)
        }
      }
    }
    var result = ""
    result.unicodeScalars.append(contentsOf: scalars)
    return result
  }

  // MARK: Expressions

  static let expressionPieces = [
    "values", "service", "env", ".", "name", "x", "list", "map", "[", "]", "[0]", "[-1]",
    "[\"a\"]", "(", ")", " ", "|", "??", "==", "!=", "<", "<=", ">", ">=", "!", "-", "&&", "||",
    ",", "1", "0", "2.5", "1e400", "\"s\"", "'q'", "\"\\u00e9\"", "\"", "true", "false", "null",
    "lower", "upper", "join(\",\")", "envList", "toJson", "b64enc", "sha256", "trunc(2)",
    "trunc(-1)", "replace(\"a\", \"bb\")", "replace(\"\", \"x\")", "required(\"m\")",
    "default(1)", "trimPrefix(\"a\")", "trimSuffix(\"a\")", "string", "length", "nope()", "$",
    "{", "}", "é", "\u{0}",
  ]

  mutating func expressionText() -> String {
    var text = ""
    for _ in 0..<int(1..<16) { text += pick(Self.expressionPieces) }
    return text
  }

  // MARK: Trees

  static let keys = [
    "a", "b", "name", "items", "list", "x", "caf\u{E9}", "cafe\u{301}", "$patch", "metadata",
    "spec", "containers", "finalizers", "$retainKeys", "$deleteFromPrimitiveList/finalizers",
    "$setElementOrder/containers", "~1", "a/b", "",
  ]

  /// A random tree at most `depth` deep.
  mutating func node(depth: Int = 4) -> Node {
    switch depth <= 0 ? int(0..<5) : int(0..<8) {
    case 0: return .scalar(.int(int(-3..<4)))
    case 1: return .string(pick(["a", "b", "delete", "replace", "merge", "x", "0644", ""]))
    case 2: return .null()
    case 3: return .scalar(.bool(chance(50)))
    case 4: return .scalar(.float(pick([0.5, -1, .infinity, 1e300])))
    case 5, 6:
      var entries: [Node.Entry] = []
      var used: Set<MappingKey> = []
      for _ in 0..<int(0..<5) {
        let key = pick(Self.keys)
        guard used.insert(MappingKey(key)).inserted else { continue }
        entries.append(Node.Entry(key, node(depth: depth - 1)))
      }
      return .mapping(entries)
    default:
      return .sequence((0..<int(0..<5)).map { _ in node(depth: depth - 1) })
    }
  }

  /// A JSON pointer into `node` most of the time, a random one otherwise.
  mutating func pointer(in node: Node) -> [String] {
    var tokens: [String] = []
    var current: Node? = node
    while let here = current, chance(75) {
      switch here.content {
      case .mapping(let entries) where !entries.isEmpty:
        let entry = pick(entries)
        tokens.append(entry.key)
        current = entry.value
      case .sequence(let items) where !items.isEmpty:
        let index = int(0..<items.count + 1)
        tokens.append(chance(15) ? "-" : String(index))
        current = index < items.count ? items[index] : nil
      default:
        current = nil
      }
    }
    if chance(15) { tokens.append(pick(["-", "0", "99", "x", "", "~0"])) }
    return tokens
  }
}
