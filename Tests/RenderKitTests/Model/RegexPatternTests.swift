import Testing

@testable import RenderKit

/// Patterns as Kubernetes schemas and template parameters write them: unanchored
/// search, and the syntax RE2 (the API server's engine) and ECMA-262 share.
@Suite struct RegexPatternTests {
  @Test(arguments: [
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "checkout-api", true),
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "Checkout", false),
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "-checkout", false),
    (#"\d+"#, "v12", true),
    (#"^\d+(\.\d+)?$"#, "1.5", true),
    (#"^\d+(\.\d+)?$"#, "1.", false),
    (#"^(?:https?|grpc)://"#, "grpc://svc:8080", true),
    (#"^[^\s]+$"#, "no spaces", false),
    (#"^(?!-)[a-z-]+$"#, "-lead", false),
    (#"^\p{L}+$"#, "héllo", true),
    (#"^.{3}$"#, "e\u{301}ab", false),  // three scalars after the e: four in all
    (#"^.{4}$"#, "e\u{301}ab", true),  // scalars, as ECMA-262 counts, not characters
    ("ab", "xaby", true),  // not anchored
  ])
  func matches(pattern: String, text: String, expected: Bool) throws {
    let compiled = try #require(RegexPattern(pattern))
    #expect(compiled.matches(text) == expected)
    #expect(compiled.source == pattern)
  }

  @Test(arguments: ["[", "(a", "a{2,1}", "(?<=a)b"])
  func unreadablePatternsAreNil(_ pattern: String) {
    #expect(RegexPattern(pattern) == nil)
  }
}
