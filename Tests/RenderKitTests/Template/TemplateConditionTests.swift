import TestSupport
import Testing

@testable import RenderKit

/// `when:` conditions from template.yaml.
@Suite struct TemplateConditionTests {
  typealias F = TemplateFixture
  static let at = testFiles.location("templates/web/template.yaml", line: 9, column: 22)

  func evaluate(
    _ source: String, values: String = F.defaultValues
  ) throws -> Result<Bool, Diagnostic> {
    let condition = try TemplateCondition.parse(source, at: Self.at).get()
    return condition.evaluate(in: try F.scope(values: values))
  }

  @Test func evaluatesToABoolean() throws {
    #expect(try evaluate("values.ingress != null").get() == false)
    #expect(
      try evaluate("values.ingress != null", values: "values: {ingress: {host: x}}\n").get() == true
    )
    #expect(try evaluate("values.replicas > 1 && values.enabled").get() == true)
    #expect(try evaluate(#"env.name == "prod" || values.missing"#).get() == true)
    #expect(try evaluate("values.ingress.host ?? false").get() == false)
  }

  @Test func syntaxErrorsAreDiagnosticsAtTheCondition() {
    let result = TemplateCondition.parse("values.ingress !=", at: Self.at)
    guard case .failure(let diagnostic) = result else {
      Issue.record("expected a syntax error")
      return
    }
    #expect(
      diagnostic.message
        == "invalid condition 'values.ingress !=': expected a value after '!=', found the end of the expression"
    )
    #expect(diagnostic.location == Self.at)
    #expect(diagnostic.rule == "input")
  }

  @Test func conditionsAreWrittenWithoutDollarBraces() {
    guard
      case .failure(let diagnostic) = TemplateCondition.parse("${ values.ingress }", at: Self.at)
    else {
      Issue.record("expected an error")
      return
    }
    #expect(
      diagnostic.message
        == "write the condition '${ values.ingress }' without '${ }': 'when' is always an expression"
    )
  }

  @Test func aNonBooleanResultIsAnError() throws {
    guard case .failure(let diagnostic) = try evaluate("values.ingress") else {
      Issue.record("expected an error")
      return
    }
    #expect(
      diagnostic.message == "the condition 'values.ingress' must give true or false, not null")
    #expect(diagnostic.help == "test whether it is set with 'values.ingress != null'")
    #expect(diagnostic.location == Self.at)
    guard case .failure(let number) = try evaluate("values.port") else {
      Issue.record("expected an error")
      return
    }
    #expect(
      number.message == "the condition 'values.port' must give true or false, not an integer (8080)"
    )
  }

  @Test func undefinedNamesSuggest() throws {
    guard case .failure(let diagnostic) = try evaluate("values.ingres != null") else {
      Issue.record("expected an error")
      return
    }
    #expect(diagnostic.message == "'values.ingres' is not defined; did you mean 'values.ingress'?")
    #expect(diagnostic.location == Self.at)
  }
}
