import Testing

@testable import RenderKit

/// `replace`, `trimPrefix` and `trimSuffix` work on bytes in one linear pass.
@Suite struct ByteReplacementTests {
  @Test(arguments: [
    ("a.b.c", ".", "-", "a-b-c"),
    ("aaa", "aa", "b", "ba"),
    ("aaaa", "aa", "", ""),
    ("abcabd", "abd", "X", "abcX"),
    ("aabaabaaab", "aaab", "!", "aabaab!"),
    ("no match", "xyz", "q", "no match"),
    ("short", "longer needle", "q", "short"),
    ("ü-ü", "ü", "u", "u-u"),
    ("配置配置", "置", "x", "配x配x"),
  ])
  func replacesEveryNonOverlappingMatch(text: String, old: String, new: String, result: String) {
    #expect(ByteReplacement.replacing(old, with: new, in: text) == result)
    #expect(ByteReplacement.replacing(old, with: new, in: text, limit: result.utf8.count) == result)
  }

  @Test func bytesNotCanonicalEquivalenceDecideAMatch() {
    let decomposed = "cafe\u{301}"
    // Swift's character-wise `replacing` finds no `e` in the cluster `e\u{301}`, and finds
    // the composed `é` in it; bytes do the opposite, as Kubernetes tooling does.
    #expect(ByteReplacement.replacing("e", with: "E", in: decomposed) == "cafE\u{301}")
    #expect(ByteReplacement.replacing("\u{E9}", with: "E", in: decomposed) == decomposed)
    #expect(ByteReplacement.trimmingSuffix("\u{E9}", from: decomposed) == decomposed)
    #expect(ByteReplacement.trimmingPrefix("caf", from: decomposed) == "e\u{301}")
    #expect(ByteReplacement.trimmingSuffix("e\u{301}", from: decomposed) == "caf")
  }

  @Test func tenMegabytesAreReplacedInOnePass() {
    // 12.8 s with `String.replacing`; a worst case for a naive search too (every
    // position matches all but the needle's last byte).
    let text = String(repeating: "a", count: 10_000_000)
    let result = ByteReplacement.replacing("aaaaaaab", with: "x", in: text)
    #expect(result?.utf8.count == 10_000_000)
    let halved = ByteReplacement.replacing("aa", with: "b", in: text)
    #expect(halved?.utf8.count == 5_000_000)
  }
}

@Suite struct ByteReplacementLimitTests {
  @Test func aResultLongerThanTheLimitIsRefused() {
    let text = String(repeating: "a", count: 1_000)
    #expect(ByteReplacement.replacing("a", with: "bb", in: text, limit: 1_999) == nil)
    #expect(ByteReplacement.replacing("a", with: "bb", in: text, limit: 2_000)?.utf8.count == 2_000)
  }
}
