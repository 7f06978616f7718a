import Testing

@testable import RenderKit

/// The expression language: grammar and precedence, operators, literals, undefined
/// values and `??`, and syntax errors.
@Suite struct TemplateExpressionTests {
  typealias F = TemplateFixture

  // MARK: 8. Grammar and precedence

  @Test func andBindsTighterThanOr() throws {
    // true || (false && false); left to right would give false.
    #expect(try F.evaluate("true || false && false") == "result: true\n")
  }

  @Test func notBindsTighterThanEquality() throws {
    // (!8080) is an error; !(8080 == 1) would be true.
    #expect(try F.error("!values.port == 1").hasPrefix("'!' needs true or false"))
  }

  @Test func comparisonBindsTighterThanEquality() throws {
    #expect(try F.evaluate("1 < 2 == 2 < 3") == "result: true\n")
  }

  @Test func coalesceBindsLooserThanOr() throws {
    // 8080 ?? (false || true); (8080 ?? false) || true would be an error.
    #expect(try F.evaluate("values.port ?? false || true") == "result: 8080\n")
  }

  @Test func pipeBindsLoosestAndChains() throws {
    // ("abc" ?? "x") | upper; "abc" ?? ("x" | upper) would be "abc".
    #expect(try F.evaluate(#""abc" ?? "x" | upper"#) == "result: ABC\n")
    #expect(try F.evaluate("service.name | upper | trunc(3)") == "result: CHE\n")
  }

  @Test func unaryMinusBindsTighterThanComparison() throws {
    #expect(try F.evaluate("-values.port < 0") == "result: true\n")
    #expect(try F.evaluate("(values.port ?? 1) == 8080") == "result: true\n")
  }

  @Test func membersAndIndexes() throws {
    #expect(try F.evaluate("values.hosts[1]") == "result: b.example.com\n")
    #expect(try F.evaluate(#"values["my-key"]"#) == "result: dashed\n")
    #expect(try F.evaluate(#"values.nested["inner"].deep"#) == "result: 42\n")
    #expect(try F.evaluate("values.hosts[values.missing ?? 1]") == "result: b.example.com\n")
    #expect(try F.evaluate("env.vars.domain") == "result: shop.example.com\n")
    #expect(try F.evaluate(#"values[("nxme" | replace("x", "a"))]"#) == "result: web\n")
  }

  @Test func keywordsAreKeysAfterADot() throws {
    let rendered = try F.render(
      "a: ${ values.true }\nb: ${ values.null }\n",
      values: "values: {\"true\": yes, \"null\": no}\n")
    #expect(rendered.yaml == "a: \"yes\"\nb: \"no\"\n")
  }

  @Test func identifiersCannotContainDashes() throws {
    let rendered = try F.render("a: ${ values.my-key }\n")
    #expect(
      rendered.errors == [
        "1:4: invalid expression '${ values.my-key }': unexpected '-' after 'my': names cannot contain '-'"
      ])
    #expect(rendered.diagnostics.first?.help == #"read such a key with brackets: ["my-key"]"#)
  }

  // MARK: Literals

  @Test func literals() throws {
    #expect(try F.string(#"'it\'s'"#) == "it's")
    #expect(try F.string(#""a\tb\n\\ \u{E9}""#) == "a\tb\n\\ é")
    #expect(try F.evaluate("1.5") == "result: 1.5\n")
    #expect(try F.evaluate("1e3") == "result: 1000.0\n")
    #expect(try F.evaluate("007") == "result: 7\n")
    #expect(try F.evaluate("false") == "result: false\n")
    #expect(try F.evaluate("null") == "{}\n")
  }

  @Test func literalErrors() throws {
    #expect(
      try F.error("99999999999999999999").hasSuffix(
        "the number '99999999999999999999' does not fit in 64 bits"))
    #expect(try F.error("1abc").hasSuffix("'1a…' is not a valid number"))
    #expect(try F.error(#""a\qb""#).hasSuffix(#"unknown escape '\q' in a string"#))
    #expect(try F.error("values.port ~ 1").hasSuffix("unexpected character '~'"))
  }

  // MARK: 9. Undefined values, did-you-mean, ??

  @Test func undefinedValuesSayWhatIsMissingAndSuggest() throws {
    #expect(
      try F.error("values.replcas")
        == "'values.replcas' is not defined; did you mean 'values.replicas'?")
    #expect(try F.error("valuez.port") == "'valuez' is not defined; did you mean 'values'?")
    #expect(
      try F.error("values.nested.inner.deeep")
        == "'values.nested.inner.deeep' is not defined; did you mean 'values.nested.inner.deep'?")
    #expect(
      try F.error(#"values["my-kee"]"#)
        == #"'values["my-kee"]' is not defined; did you mean 'values["my-key"]'?"#)
    #expect(
      try F.error("values.hosts[5]") == "'values.hosts[5]' is not defined: the list has 2 items")
    #expect(
      try F.error("values.hosts[-1]") == "'values.hosts[-1]' is not defined: the list has 2 items")
    #expect(
      try F.error("values.ingress.host")
        == "'values.ingress.host' is not defined: 'values.ingress' is null")
    #expect(try F.error("values.missing.deeper.still") == "'values.missing' is not defined")
  }

  @Test func undefinedHelpNamesTheWayOut() throws {
    let rendered = try F.render("a: ${ values.zzzzzz }\nb: ${ nope }\n")
    #expect(
      rendered.diagnostics.map(\.help) == [
        "write 'values.zzzzzz ?? <default>' if it is optional",
        "names in scope: 'env', 'service', 'values'",
      ])
  }

  @Test func coalesceTakesTheRightSideForUndefinedOrNull() throws {
    #expect(try F.evaluate(#"values.ingress.host ?? "none""#) == "result: none\n")
    #expect(try F.evaluate("values.missing ?? 1") == "result: 1\n")
    #expect(try F.evaluate(#"values.nothing ?? "x""#) == "result: x\n")
    #expect(try F.evaluate("values.port ?? 1") == "result: 8080\n")
    #expect(try F.evaluate(#"values.empty ?? "x""#) == "result: \"\"\n")
    #expect(try F.evaluate("values.a ?? values.b ?? 3") == "result: 3\n")
    #expect(try F.error("values.a ?? values.b") == "'values.b' is not defined")
  }

  @Test func readingAMemberOfAScalarOrListIsAnError() throws {
    #expect(
      try F.error("values.port.x")
        == "cannot read 'x' of 'values.port': it is an integer (8080), not a mapping")
    #expect(
      try F.error("values.hosts.first")
        == "cannot read 'first' of 'values.hosts': it is a list, not a mapping")
    #expect(
      try F.error("values.hosts[true]")
        == "an index into the list 'values.hosts' must be an integer, not a boolean (true)")
    #expect(
      try F.error("values.labels[0]")
        == "a key of the mapping 'values.labels' must be a string, not an integer (0)")
    #expect(
      try F.error("values.name[0]")
        == #"cannot index 'values.name': it is a string ("web"), not a list or a mapping"#)
  }

  // MARK: 10. Operators

  @Test func equalityIsDeep() throws {
    #expect(try F.evaluate("values.labels == values.labels") == "result: true\n")
    #expect(try F.evaluate("values.labels == env.vars") == "result: false\n")
    #expect(try F.evaluate("1 == 1.0") == "result: true\n")
    #expect(try F.evaluate(#""1" == 1"#) == "result: false\n")
    #expect(try F.evaluate("values.nothing == null") == "result: true\n")
    #expect(try F.evaluate("values.hosts != values.hosts") == "result: false\n")
    #expect(try F.error("values.missing == null") == "'values.missing' is not defined")
  }

  @Test func orderingComparesNumbersOrStrings() throws {
    #expect(try F.evaluate("2 <= 2") == "result: true\n")
    #expect(try F.evaluate("2 < 2") == "result: false\n")
    #expect(try F.evaluate("3 > 2.5") == "result: true\n")
    #expect(try F.evaluate("values.ratio >= 0.5") == "result: true\n")
    #expect(try F.evaluate(#""abc" < "abd""#) == "result: true\n")
    #expect(
      try F.error(#""a" < 1"#)
        == #"'<' compares two numbers or two strings, not a string ("a") and an integer (1) ('"a" < 1')"#
    )
    #expect(
      try F.error("values.nothing > 1")
        == "'>' compares two numbers or two strings, not null and an integer (1) ('values.nothing > 1')"
    )
  }

  @Test func logicalOperatorsNeedBooleansAndShortCircuit() throws {
    #expect(try F.evaluate("false && values.missing") == "result: false\n")
    #expect(try F.evaluate("true || values.missing") == "result: true\n")
    #expect(try F.evaluate("!(values.port > 1)") == "result: false\n")
    #expect(try F.evaluate("values.enabled && values.replicas > 1") == "result: true\n")
    #expect(try F.error("true && values.missing") == "'values.missing' is not defined")
    #expect(
      try F.error("values.port && true")
        == "'&&' needs true or false, not an integer (8080) ('values.port')")
    #expect(
      try F.error("false || values.name")
        == #"'||' needs true or false, not a string ("web") ('values.name')"#)
    #expect(
      try F.error("!values.name")
        == #"'!' needs true or false, not a string ("web") ('values.name')"#)
  }

  @Test func unaryMinusNegatesNumbers() throws {
    #expect(try F.evaluate("-values.port") == "result: -8080\n")
    #expect(try F.evaluate("-values.ratio") == "result: -0.5\n")
    #expect(try F.evaluate("--1") == "result: 1\n")
    #expect(
      try F.error("-values.name") == #"'-' needs a number, not a string ("web") ('values.name')"#)
  }

  // MARK: Syntax errors

  @Test func syntaxErrors() throws {
    func message(_ expression: String) throws -> String {
      let full = try F.error(expression)
      let prefix = "invalid expression '${ \(expression) }': "
      #expect(full.hasPrefix(prefix), "\(full)")
      return String(full.dropFirst(prefix.count))
    }
    #expect(try message("values.port = 1") == "unexpected '='; did you mean '=='?")
    #expect(try message("values.a & values.b") == "unexpected '&'; did you mean '&&'?")
    #expect(
      try message("values.a ? 1")
        == "expected ':' after 'cond ? value', found the end of the expression")
    #expect(try message("values.") == "expected a name after '.', found the end of the expression")
    #expect(try message("values.hosts.0") == "expected a name after '.', found '0'")
    #expect(
      try message("(values.port") == "expected ')' to close '(', found the end of the expression")
    #expect(
      try message("values.hosts[0") == "expected ']' to close '[', found the end of the expression")
    #expect(try message("values.port 1") == "unexpected '1' after 'port'")
    #expect(
      try message("values.port ==")
        == "expected a value after '==', found the end of the expression")
    #expect(try message("| upper") == "expected a value, found '|'")
    #expect(
      try message("values.name | trunc(1")
        == "expected ')' to close the arguments of 'trunc', found the end of the expression")
  }

  @Test func nestingAndLengthAreBounded() throws {
    let deep = String(repeating: "(", count: 40) + "1" + String(repeating: ")", count: 40)
    #expect(try F.error(deep).hasSuffix("the expression nests more than 32 levels deep"))
    #expect(
      try F.error(String(repeating: "!", count: 40) + "true").hasSuffix(
        "nests more than 32 levels deep"))
    let long = Array(repeating: "true", count: 200).joined(separator: " && ")
    #expect(try F.error(long).hasSuffix("the expression is too long (more than 256 tokens)"))
    let fine = String(repeating: "(", count: 20) + "1" + String(repeating: ")", count: 20)
    #expect(try F.evaluate(fine) == "result: 1\n")
  }

  @Test func expressionsPrintBackAsTheyParse() throws {
    for source in [
      "values.a", #"values["my-key"]"#, "values.hosts[values.i]", "a ?? b | upper",
      "!(a == b)", "-a.b", #"x | replace("a", "b")"#, "(a || b) && c",
    ] {
      let parsed = try ExpressionParser.parse(Substring(source))
      let reparsed = try ExpressionParser.parse(Substring(parsed.description))
      #expect(parsed == reparsed, "\(source) printed as \(parsed)")
    }
  }
}
