import Foundation
import Testing

/// Patterns that make a backtracking engine take exponential time, and patterns RE2
/// rejects, through the `render` binary: the run finishes, exit 1, each finding located.
@Suite struct PatternCLITests {
  @Test func catastrophicParameterPatternFinishes() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.append(
      "templates/web/template.yaml", "  code: {type: string, pattern: '^(a+)+$', default: aaa}\n")
    let value = String(repeating: "a", count: 5_000) + "!"
    try repository.append("services/api/service.yaml", "  code: \(value)\n")
    let result = try repository.render("validate")
    #expect(result.status == 1, "\(result.transcript)")
    // Once, though both environments resolve the value.
    #expect(
      result.errors == [
        "services/api/service.yaml:8:9: error[input]: 'values.code' (\""
          + String(repeating: "a", count: 40) + "…\") does not match the pattern '^(a+)+$'"
      ], "\(result.stderr)")
  }

  @Test func lookaheadInAParameterPatternIsAnErrorInTheTemplate() throws {
    let repository = try TemporaryRepository(Fixture.shop)
    try repository.append(
      "templates/web/template.yaml",
      "  code: {type: string, pattern: '^(?!-)[a-z-]+$', default: abc}\n")
    let result = try repository.render("validate")
    #expect(result.status == 1, "\(result.transcript)")
    #expect(
      result.errors == [
        "templates/web/template.yaml:6:35: error[input]: pattern \"^(?!-)[a-z-]+$\" is not "
          + "valid RE2 syntax, which the API server uses: lookahead `(?!` is not supported by RE2"
      ], "\(result.stderr)")
    #expect(result.stderr.contains("help: RE2, which the API server uses, has no lookaround"))
  }
}
