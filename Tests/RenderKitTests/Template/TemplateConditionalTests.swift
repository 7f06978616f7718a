import TestSupport
import Testing

@testable import RenderKit

/// Conditionals (`c ? a : b`, `if c then a else b`), list and map literals, whole-block
/// `$if` conditions, and the did-you-mean for a shell `${VAR}` in a block scalar.
@Suite struct TemplateConditionalTests {
  typealias F = TemplateFixture

  // MARK: Conditionals

  @Test func ifThenElseTakesOneBranchWithItsType() throws {
    #expect(try F.evaluate("if values.enabled then 3 else 1") == "result: 3\n")
    #expect(try F.evaluate("if values.port > 9000 then 3 else 1") == "result: 1\n")
    #expect(
      try F.evaluate("if !values.enabled then \"a\" else values.labels") == """
        result:
          team: payments
          tier: backend

        """)
  }

  @Test func ifWithoutElseGivesNullAndRemovesTheEntry() throws {
    let rendered = try F.render("a: ${ if values.enabled then \"on\" }\nb: ${ if false then 1 }\n")
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(rendered.yaml == "a: \"on\"\n")
  }

  @Test func ternaryWorksWhereYAMLAllowsItsColon() throws {
    // In a plain scalar `: ` would start a YAML mapping; quoted scalars interpolate.
    let rendered = try F.render(
      """
      a: "${ values.enabled ? 'yes' : 'no' }"
      b: "${ values.ingress != null ? values.ingress.host : 'none' }"
      c: ${ values.enabled ? 3 :1 }
      d: "${ false ? 1 : true ? 2 : 3 }"
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    // The branch not taken is not evaluated: `values.ingress.host` is never read.
    #expect(rendered.yaml == "a: \"yes\"\nb: none\nc: 3\nd: \"2\"\n")
  }

  @Test func conditionsMustBeBooleans() throws {
    #expect(
      try F.error("if values.port then 1 else 2")
        == "'?' needs true or false, not an integer (8080) ('values.port')")
    #expect(
      try F.error("if values.ingress then 1")
        == "'?' needs true or false, not null ('values.ingress')")
  }

  @Test func conditionalSyntaxErrors() throws {
    #expect(
      try F.error("if values.enabled 1")
        == "invalid expression '${ if values.enabled 1 }': expected 'then' after the condition of 'if', found '1'"
    )
  }

  @Test func conditionalPrecedence() throws {
    // `??` binds tighter than `?`; the pipe filters the whole conditional.
    #expect(try F.evaluate("if values.enabled then \"a\" else \"b\" | upper") == "result: A\n")
    #expect(
      try F.evaluate("if values.nothing ?? true then values.name else \"x\"") == "result: web\n")
    #expect(
      TemplateExpression.conditional(.name("a"), .literal(.int(1)), .literal(.int(2)))
        .description == "a ? 1 : 2")
  }

  @Test func conditionalValuesKeepTheirLocation() throws {
    let rendered = try F.render("replicas: ${ if values.enabled then values.replicas else 1 }\n")
    #expect(
      rendered.node?["replicas"]?.location == F.location(line: 2, column: 13, file: F.serviceFile))
  }

  // MARK: Literals

  @Test func listAndMapLiterals() throws {
    #expect(
      try F.evaluate("[1, \"a\", values.port, []]") == """
        result:
        - 1
        - a
        - 8080
        - []

        """)
    #expect(
      try F.evaluate("{a:1, \"my-key\":values.name, nested:{x:[true]}}") == """
        result:
          a: 1
          my-key: web
          nested:
            x:
            - true

        """)
    #expect(try F.string("{b:2, a:1} | toJson") == #"{"b":2,"a":1}"#)
    #expect(try F.evaluate("[1, 2,]") == "result:\n- 1\n- 2\n")
    #expect(try F.evaluate("{}") == "result: {}\n")
  }

  @Test func literalsInDefaultsAndMerges() throws {
    let rendered = try F.render(
      """
      metadata:
        annotations:
          fixed: "1"
          $merge: ${ values.ingress ?? {extra:"2"} }
      args: ${ values.hosts ?? [] }
      tolerations: ${ values.missing ?? [] }
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        metadata:
          annotations:
            fixed: "1"
            extra: "2"
        args:
        - a.example.com
        - b.example.com
        tolerations: []

        """)
  }

  @Test func literalSyntaxErrors() throws {
    func message(_ expression: String) throws -> String {
      let rendered = try F.render("result: \"${ \(expression) }\"")
      return rendered.diagnostics.first?.message ?? "(no error)"
    }
    #expect(try message("{a:1, a:2}").hasSuffix("the map literal sets 'a' twice"))
    #expect(try message("{1:2}").hasSuffix("expected a key in the map literal, found '1'"))
    #expect(
      try message("[1, 2").hasSuffix(
        "expected ']' to close the list, found the end of the expression"))
    #expect(try message("{a 1}").hasSuffix("expected ':' after the key 'a', found '1'"))
    #expect(try message("[values.missing]").hasPrefix("'values.missing' is not defined"))
  }

  // MARK: $if blocks

  @Test func ifKeyKeepsOrDropsAMappingListItemOrDocument() throws {
    let rendered = try F.render(
      """
      spec:
        envFrom:
        - $if: ${ values.ingress != null }
          configMapRef: {name: "${ values.ingress.host }"}
        - $if: ${ values.enabled }
          secretRef: {name: app}
        optional:
          $if: ${ values.replicas > 5 }
          x: 1
        kept:
          $if: true
          z: 2
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    // The dropped block is not evaluated, so reading `values.ingress.host` is no error.
    #expect(
      rendered.yaml == """
        spec:
          envFrom:
          - secretRef:
              name: app
          kept:
            z: 2

        """)
    let dropped = try F.render("$if: ${ values.ingress != null }\nkind: ConfigMap\n")
    #expect(dropped.diagnostics.isEmpty)
    #expect(dropped.node == nil)
  }

  @Test func ifKeyErrors() throws {
    let rendered = try F.render(
      """
      a:
        $if: ${ values.ingress }
        x: 1
      b:
        $if: yes
      c:
        $$if: literal
      """)
    #expect(
      rendered.errors == [
        "2:8: '$if' needs true or false, not null",
        "5:8: '$if' needs true or false, not a string (\"yes\")",
      ])
    #expect(rendered.diagnostics.first?.help?.contains("values.x != null") == true)
    let literal = try F.render("c:\n  $$if: literal\n")
    #expect(literal.yaml == "c:\n  $if: literal\n")
  }

  // MARK: Shell variables in block scalars

  @Test func shellVariableInABlockScalarSuggestsTheEscapeAtItsLine() throws {
    let text = """
      spec:
        command:
        - sh
        - -c
        - |
          echo start
          exec app --port ${ values.port } --home ${HOME} --x ${PORT:-80}
      """
    let scope = try F.scope()
    let document = try F.parse(text, file: F.templateFile)
    let templates = ScalarTemplates([document], source: text)
    let rendered = TemplateRenderer(scope: scope, templates: templates).render(document)
    let errors = rendered.diagnostics.map {
      "\($0.location.line):\($0.location.column): \($0.message)"
    }
    #expect(
      errors == [
        "7:45: '${HOME}' reads like a shell variable, not a template expression; did you mean '$${HOME}'?",
        "7:57: '${PORT:-80}' reads like a shell variable, not a template expression; did you mean '$${PORT:-80}'?",
      ])
    #expect(rendered.diagnostics.first?.help?.hasPrefix("'$${' writes a literal '${'") == true)
    // Without the file's text the block's start is the best place to point.
    let unplaced = TemplateRenderer(scope: scope).render(document)
    #expect(unplaced.diagnostics.first?.location == F.location(line: 5, column: 5))
  }

  @Test func templateNamesAreNotTakenForShellVariables() throws {
    let rendered = try F.render("a: \"${ valuse.port }\"\nb: \"${ values.missing }\"\n")
    #expect(rendered.diagnostics.count == 2)
    #expect(rendered.diagnostics.allSatisfy { !$0.message.contains("shell") })
  }

  @Test func blockScalarPositionsFollowItsLines() throws {
    let position = ScalarPosition(
      start: F.location(line: 3, column: 8), style: .literal, text: "ab\n  c${x}\n",
      blockIndentation: 4)
    #expect(position.location(ofOffset: 0) == F.location(line: 4, column: 5))
    #expect(position.location(ofOffset: 6) == F.location(line: 5, column: 8))
  }

  // MARK: Explain and YAML

  @Test func theTraceFollowsConditionalsLiteralsAndKeptBlocks() throws {
    let rendered = try F.render(
      """
      a:
        $if: ${ values.enabled }
        b: ${ if values.enabled then [1, 2] }
        c: ${ if values.enabled then values.replicas else 1 }
      """, trace: true)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(rendered.trace[[.key("a"), .key("b")]] == F.location(line: 3, column: 6))
    #expect(rendered.trace[[.key("a"), .key("b"), .index(1)]] == F.location(line: 3, column: 6))
    #expect(rendered.trace[[.key("a"), .key("c")]] == F.location(line: 4, column: 6))
    #expect(rendered.trace[[.key("a"), .key("$if")]] == nil)
  }

  @Test func aTernaryInAPlainScalarGetsHelpFromTheYAMLError() throws {
    let file = SourceFile(
      path: "templates/web/deployment.yaml", text: "spec:\n  replicas: ${ values.ha ? 3 : 1 }\n")
    let (_, diagnostics) = DocumentReader.documents(of: file, in: testFiles)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.help?.contains("'if c then a else b'") == true)
    let other = SourceFile(path: "x.yaml", text: "a: b: c\n")
    #expect(DocumentReader.documents(of: other, in: testFiles).diagnostics.first?.help == nil)
  }
}
