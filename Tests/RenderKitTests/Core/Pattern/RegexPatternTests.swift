import Testing

@testable import RenderKit

/// Patterns as Kubernetes schemas and template parameters write them, with the verdicts
/// Go's `regexp` (RE2, the API server's engine) gives: unanchored search, `$` only at the
/// very end, ASCII `\d` `\w` `\s` `\b`, Unicode classes, flags.
@Suite struct RegexPatternTests {
  @Test(arguments: [
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "checkout-api", true),
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "Checkout", false),
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"#, "-checkout", false),
    (#"\d+"#, "v12", true),
    (#"^\d+(\.\d+)?$"#, "1.5", true),
    (#"^\d+(\.\d+)?$"#, "1.", false),
    (#"^\d{3}$"#, "١٢٣", false),  // \d is ASCII in RE2
    (#"^\w+$"#, "héllo", false),
    (#"^(?:https?|grpc)://"#, "grpc://svc:8080", true),
    (#"^[^\s]+$"#, "no spaces", false),
    (#"^\p{L}+$"#, "héllo", true),
    (#"\p{Lu}"#, "abc", false),
    (#"\p{Lu}"#, "aBc", true),
    (#"^\PL+$"#, "123", true),
    (#"^\p{^N}+$"#, "a1", false),
    (#"^[\p{Ll}\d]+$"#, "ab1", true),
    (#"^\p{Greek}+$"#, "αβγ", true),
    (#"^\p{Greek}+$"#, "abc", false),
    (#"^\P{Han}+$"#, "abc", true),
    (#"^[\p{Han}\p{Hiragana}]+$"#, "漢字ひらがな", true),
    (#"^\p{Cyrillic}"#, "Жук", true),
    (#"^[[:alpha:]]+$"#, "abc", true),
    (#"^[[:^digit:]]+$"#, "ab1", false),
    (#"^.{3}$"#, "e\u{301}ab", false),  // three scalars after the e: four in all
    (#"^.{4}$"#, "e\u{301}ab", true),  // scalars, as RE2 counts runes, not characters
    ("ab", "xaby", true),  // not anchored
    ("a$", "a\n", false),  // RE2's `$` is the end of the text, never before a final newline
    ("(?m)^b$", "a\nb\nc", true),
    ("^a.b$", "a\nb", false),
    ("(?s)^a.b$", "a\nb", true),
    ("(?i)checkout", "CheckOut", true),
    ("(?i)^[a-z]+$", "ABC", true),
    ("(?i)^[^a]$", "A", false),
    ("(?i)k", "\u{212A}", true),  // the Kelvin sign folds to k, as in RE2
    ("(?i:a)b", "AB", false),
    ("(?i)ß", "\u{1E9E}", true),  // ẞ folds to ß
    ("(?i)\u{1E9E}", "ß", true),
    (#"\bfoo\b"#, "a foo b", true),
    (#"\bfoo\b"#, "afoob", false),
    (#"\Bfoo"#, "afoo", true),
    ("^a{2,3}$", "a", false),
    ("^a{2,3}$", "aaa", true),
    ("^a{2,3}$", "aaaa", false),
    ("^a{2,}$", "aaaaa", true),
    ("a{,3}", "a{,3}", true),  // not a repeat: literal, as in RE2
    ("x*", "", true),
    ("^$", "", true),
    ("^$", "a", false),
    ("a|b|", "", true),
    ("[]a]", "]", true),
    (#"\x41\x{1F600}"#, "A😀", true),
    (#"\101"#, "A", true),
    (#"\Qa.b\E"#, "axb", false),
    (#"\Qa.b\E"#, "a.b", true),
    (#"^(?P<major>\d+)\.(?<minor>\d+)$"#, "1.31", true),
    ("^(a+)+$", "aaaaaaaaaaaaaaaaaaa!", false),
    ("(a*)*c", "aaaa", false),
    ("a+?b", "aaab", true),
    ("(?U)a+b", "aab", true),
    (#"^\.\*\+\?\(\)\[\]\{\}\|\^\$\\$"#, #".*+?()[]{}|^$\"#, true),
  ])
  func matchesAsRE2Does(pattern: String, text: String, expected: Bool) throws {
    let compiled = try RegexPattern(pattern)
    #expect(compiled.matches(text) == expected)
    #expect(compiled.source == pattern)
  }

  /// The issue's case: a backtracking engine never finished this.
  @Test func nestedQuantifiersOnTwentyCharactersFinish() throws {
    let pattern = try RegexPattern("^(a+)+$")
    #expect(!pattern.matches(String(repeating: "a", count: 20) + "!"))
    #expect(pattern.matches(String(repeating: "a", count: 20)))
  }

  /// Adversarial patterns over long inputs; correct verdicts, and the state cache flushes
  /// without changing them (`(a|b)*a(a|b){12}` needs thousands of DFA states).
  @Test func adversarialPatternsOnLongInputs() throws {
    let long = String(repeating: "a", count: 20_000)
    #expect(!(try RegexPattern("^(a+)+$").matches(long + "b")))
    #expect(!(try RegexPattern("(a|a)*b").matches(long)))
    #expect(try RegexPattern("(a|a)*b").matches(long + "b"))
    #expect(!(try RegexPattern("(a*)*c").matches(long)))
    #expect(!(try RegexPattern("^(a|aa)*$").matches(long + "b")))
    var text = ""
    var seed: UInt32 = 7
    for _ in 0..<5_000 {
      seed = seed &* 1_103_515_245 &+ 12_345
      text.append(seed >> 16 & 1 == 0 ? "a" : "b")
    }
    let pattern = try RegexPattern("(a|b)*a(a|b){12}$")
    let scalars = Array(text.unicodeScalars)
    let expected = scalars.count > 13 && scalars[scalars.count - 13] == "a"
    #expect(pattern.matches(text) == expected)
    #expect(pattern.matches(text + "a" + String(repeating: "b", count: 12)))
  }

  @Test func sharedAcrossTasks() async throws {
    let pattern = try RegexPattern(#"^[a-z]+-\d+$"#)
    let verdicts = await withTaskGroup(of: Bool.self) { group in
      for index in 0..<64 {
        group.addTask { pattern.matches(index % 2 == 0 ? "web-\(index)" : "Web-\(index)") }
      }
      var count = 0
      for await verdict in group where verdict { count += 1 }
      return count
    }
    #expect(verdicts == 32)
  }
}

/// Patterns from CRDs in wide use (Gateway API, Prometheus Operator, cert-manager,
/// Cluster API): each compiles, and matches as the API server would.
@Suite struct CRDPatternsInTheWildTests {
  @Test(arguments: [
    // Gateway API: Hostname, HTTPHeaderName, Duration, path value, PreciseHostname
    (
      #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#,
      "*.example.com", true
    ),
    (
      #"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#,
      "a..b", false
    ),
    (#"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$"#, "X-Request-Id", true),
    (#"^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$"#, "X Request", false),
    (#"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#, "1h30m", true),
    (#"^([0-9]{1,5}(h|m|s|ms)){1,4}$"#, "1h2m3s4ms5s", false),
    (#"^(?:[-A-Za-z0-9/._~%!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$"#, "/api/v1", true),
    (#"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"#, "Example.com", false),
    // Prometheus Operator: Duration, and a label name
    (
      #"^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"#,
      "1d12h", true
    ),
    (
      #"^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$"#,
      "12h1d", false
    ),
    (#"^[a-zA-Z_][a-zA-Z0-9_]*$"#, "job_name", true),
    // cert-manager: a duration as Go's time.ParseDuration writes it
    (#"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$"#, "2160h0m0s", true),
    (#"^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$"#, "90d", false),
    // Cluster API: a Kubernetes version
    (
      #"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)([-0-9a-zA-Z_\.+]*)?$"#, "v1.31.2", true
    ),
    // RFC 3986 URI reference, as several CRDs write it
    (#"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?"#, "https://x/y?z#w", true),
  ])
  func matchesAsTheAPIServer(pattern: String, text: String, expected: Bool) throws {
    #expect(try RegexPattern(pattern).matches(text) == expected)
  }
}
