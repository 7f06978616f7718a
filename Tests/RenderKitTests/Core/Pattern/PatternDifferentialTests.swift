import Testing

@testable import RenderKit

/// Random patterns over the syntax on which RE2 and Swift's backtracking `Regex` agree
/// (no `\d`/`\w`/`\b`, whose Unicode rules differ, and inputs without line breaks, where
/// their `$` differ), searched in random short texts: both engines give one verdict. The
/// seed is fixed, so a failure reproduces.
@Suite struct PatternDifferentialTests {
  struct Generator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }

    mutating func pattern(depth: Int = 0) -> String {
      let choice = depth > 3 ? next(4) : next(10)
      switch choice {
      case 0: return ["a", "b", "c"][next(3)]
      case 1: return ["[ab]", "[^a]", "[a-c]", "."][next(4)]
      case 2: return "ab"
      case 3: return ""
      case 4: return pattern(depth: depth + 1) + pattern(depth: depth + 1)
      case 5: return "(" + pattern(depth: depth + 1) + "|" + pattern(depth: depth + 1) + ")"
      case 6: return "(" + pattern(depth: depth + 1) + ")" + ["*", "+", "?", "*?", "+?"][next(5)]
      case 7:
        return "(?:" + pattern(depth: depth + 1) + ")" + ["{2}", "{1,3}", "{0,}", "{2,}"][next(4)]
      case 8: return "(?i)" + ["A", "[B]", "c"][next(3)]
      default: return pattern(depth: depth + 1)
      }
    }

    mutating func text() -> String {
      String((0..<next(10)).map { _ in ["a", "b", "c", "A"][next(4)] })
    }
  }

  @Test func agreesWithABacktrackingEngine() throws {
    var generator = Generator(state: 20_261_205)
    var compared = 0
    for _ in 0..<400 {
      var source = generator.pattern()
      switch generator.next(4) {
      case 0: source = "^" + source
      case 1: source += "$"
      case 2: source = "^" + source + "$"
      default: break
      }
      let ours = try RegexPattern(source)
      let reference = try Regex(source).matchingSemantics(.unicodeScalar)
      for _ in 0..<8 {
        let text = generator.text()
        let expected = (try reference.firstMatch(in: text)) != nil
        #expect(ours.matches(text) == expected, "pattern \(source) on \"\(text)\"")
        compared += 1
      }
    }
    #expect(compared == 3_200)
  }
}
