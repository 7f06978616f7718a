import Testing

@testable import RenderKit

/// What RE2 rejects is rejected, at the construct that RE2 stops at.
@Suite struct PatternParserTests {
  @Test(arguments: [
    ("(?=a)", 0, "lookahead `(?=` is not supported by RE2"),
    ("a(?!b)", 1, "lookahead `(?!` is not supported by RE2"),
    ("(?<=a)b", 0, "lookbehind `(?<=` is not supported by RE2"),
    ("(?<!a)b", 0, "lookbehind `(?<!` is not supported by RE2"),
    (#"(a)\1"#, 3, "backreference `\\1` is not supported by RE2"),
    (#"(?P<x>a)(?P=x)"#, 8, "backreference `(?P=` is not supported by RE2"),
    (#"\k<x>"#, 0, "backreference `\\k` is not supported by RE2"),
    ("a*+", 1, "possessive quantifier `*+` is not supported by RE2"),
    ("a++", 1, "possessive quantifier `++` is not supported by RE2"),
    ("a**", 1, "invalid nested repetition operator `**`"),
    ("a{2}{3}", 1, "invalid nested repetition operator `{2}{3}`"),
    ("(?>a)", 0, "atomic group `(?>` is not supported by RE2"),
    ("a{1001}", 1, "invalid repeat count `{1001}`"),
    ("a{2,1}", 1, "invalid repeat count `{2,1}`"),
    ("[z-a]", 1, "invalid character class range `z-a`"),
    ("ab[", 2, "missing closing `]` for the class opened here"),
    ("x(a", 1, "missing closing `)` for the group opened here"),
    ("a)", 1, "unexpected `)` with no `(` before it"),
    ("*a", 0, "missing argument to repetition operator `*`"),
    ("a|+", 2, "missing argument to repetition operator `+`"),
    (#"a\Z"#, 1, "`\\Z` is not supported by RE2"),
    (#"ab\"#, 2, "trailing backslash at the end of the pattern"),
    (#"\e"#, 0, "invalid escape sequence `\\e`"),
    (#"a\p{Greekish}"#, 1, "unknown Unicode class `\\p{Greekish}`"),
    ("[[:alfa:]]", 1, "unknown POSIX class `[:alfa:]`"),
    ("(?z)", 0, "invalid or unsupported group syntax `(?z`"),
    (
      "(a{1000}){1000}", 0,
      "the pattern is too large: its repetitions expand to more than 20000 instructions"
    ),
  ])
  func rejects(pattern: String, offset: Int, message: String) {
    do {
      _ = try RegexPattern(pattern)
      Issue.record("\(pattern) was accepted")
    } catch {
      #expect(error.message == message)
      #expect(error.offset == offset)
    }
  }

  @Test(arguments: [
    "", "a{1000}", "(?i)abc", "(?i-s:a.)b", "(?P<name>x)", "(?<name>x)", "[a-]", "[-a]",
    #"[\d\-_.]"#, "a{,", "a{", "x{2}?", #"\pL\pN"#, "[^]a]", "(|a)", "()", "^*",
  ])
  func accepts(pattern: String) throws {
    _ = try RegexPattern(pattern)
  }

  /// Hostile patterns parse in linear time too: each `[:` looks only a few characters
  /// ahead for its `:]`.
  @Test func manyUnclosedPOSIXOpenersParseQuickly() throws {
    let pattern = try RegexPattern("[" + String(repeating: "[:", count: 100_000) + "x]")
    #expect(pattern.matches(":"))
    #expect(!pattern.matches("a"))
  }

  @Test func nestingIsBounded() {
    let deep = String(repeating: "(", count: 300) + "a" + String(repeating: ")", count: 300)
    #expect(throws: PatternSyntaxError.self) { try RegexPattern(deep) }
    let fine = String(repeating: "(", count: 200) + "a" + String(repeating: ")", count: 200)
    #expect((try? RegexPattern(fine))?.matches("a") == true)
  }
}
