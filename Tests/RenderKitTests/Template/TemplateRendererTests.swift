import TestSupport
import Testing

@testable import RenderKit

/// The numbered semantics of `${ }` in template documents: substitution, removal by null,
/// interpolation, keys, `$merge`, `$append`, escapes, and how errors are collected and
/// located.
@Suite struct TemplateRendererTests {
  typealias F = TemplateFixture

  // MARK: 1. Where expressions live; escapes; unterminated

  @Test func textWithoutExpressionsIsUnchanged() throws {
    let template = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        annotations: {price: $5, note: "costs $$ and {braces}"}
      spec:
        ports: [80, 443]
        enabled: true
      """
    let rendered = try F.render(template)
    #expect(rendered.diagnostics.isEmpty)
    #expect(
      rendered.yaml == """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            price: $5
            note: costs $$ and {braces}
        spec:
          ports:
          - 80
          - 443
          enabled: true

        """)
    #expect(rendered.node?["metadata"]?["name"]?.location == F.location(line: 4, column: 9))
  }

  @Test func doubleDollarBraceIsALiteralDollarBrace() throws {
    let rendered = try F.render(
      """
      a: $${ values.port }
      b: "price $$5, $${x} and ${ values.port }"
      c: $${
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(rendered.node?["a"]?.string == "${ values.port }")
    #expect(rendered.node?["b"]?.string == "price $$5, ${x} and 8080")
    #expect(rendered.node?["c"]?.string == "${")
  }

  @Test func unterminatedExpressionIsAnError() throws {
    let rendered = try F.render(
      """
      a: ${ values.port
      b: "x ${ values.port"
      c: ${ "}" }
      """)
    #expect(
      rendered.errors == [
        "1:4: unterminated '${': close the expression with '}'",
        "2:7: unterminated '${': close the expression with '}'",
      ])
    #expect(rendered.diagnostics.first?.help == "write '$${' for a literal '${'")
    #expect(rendered.diagnostics.allSatisfy { $0.rule == "input" && $0.isError })
  }

  @Test func braceInsideAStringLiteralDoesNotCloseTheExpression() throws {
    #expect(try F.string(#""a}b" | upper"#) == "A}B")
    #expect(try F.string(#"'it\'s }' | upper"#) == "IT'S }")
  }

  @Test func valuesAreDataAndNeverEvaluatedAgain() throws {
    let rendered = try F.render("text: ${ values.text }\n")
    #expect(rendered.diagnostics.isEmpty)
    #expect(rendered.node?["text"]?.string == "${ not.evaluated }")
  }

  // MARK: 2. A plain scalar that is one expression takes the value's type

  @Test func plainExpressionTakesTheValueWhateverItsType() throws {
    let rendered = try F.render(
      """
      replicas: ${ values.replicas }
      port: ${values.port}
      ratio: ${   values.ratio   }
      enabled: ${ values.enabled }
      name: ${ values.name }
      labels: ${ values.labels }
      hosts: ${ values.hosts }
      """)
    #expect(rendered.diagnostics.isEmpty)
    #expect(
      rendered.yaml == """
        replicas: 3
        port: 8080
        ratio: 0.5
        enabled: true
        name: web
        labels:
          team: payments
          tier: backend
        hosts:
        - a.example.com
        - b.example.com

        """)
    #expect(rendered.node?["replicas"]?.int == 3)
    #expect(rendered.node?["enabled"]?.bool == true)
  }

  @Test func nullRemovesTheEntryOrItemHoldingIt() throws {
    let rendered = try F.render(
      """
      a: ${ values.nothing }
      b: keep
      literalNull: null
      items:
        - ${ values.nothing }
        - x
        - ${ null }
        - ${ values.ingress ?? null }
      """)
    #expect(rendered.diagnostics.isEmpty)
    #expect(
      rendered.yaml == """
        b: keep
        literalNull: null
        items:
        - x

        """)
  }

  @Test func aDocumentThatIsOneExpressionTakesTheValue() throws {
    let rendered = try F.render("${ values.labels }\n")
    #expect(rendered.yaml == "team: payments\ntier: backend\n")
  }

  @Test func aNullDocumentIsDropped() throws {
    let fromExpression = try F.render("${ values.ingress }\n")
    #expect(fromExpression.node == nil)
    #expect(fromExpression.diagnostics.isEmpty)
    let empty = try F.render("# nothing here\n---\n")
    #expect(empty.node == nil)
    let nonNull = try F.render("${ values.port }\n")
    #expect(nonNull.node?.int == 8080)
  }

  // MARK: 3. Quoted and block scalars, interpolation

  @Test func quotedAndBlockScalarsYieldStrings() throws {
    let rendered = try F.render(
      """
      port: "${ values.port }"
      single: '${ values.enabled }'
      ratio: "${ values.ratio }"
      name: "${ values.name }"
      script: |-
        ${ values.port }
      block: |
        port=${ values.port}
        name=${ values.name }
      end: here
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        port: "8080"
        single: "true"
        ratio: "0.5"
        name: web
        script: "8080"
        block: |
          port=8080
          name=web
        end: here

        """)
    #expect(rendered.node?["port"]?.string == "8080")
  }

  @Test func interpolationUsesCanonicalText() throws {
    let rendered = try F.render(
      "url: http://${ values.name }:${ values.port }/x?on=${ values.enabled }&r=${ values.ratio }\n"
    )
    #expect(rendered.node?["url"]?.string == "http://web:8080/x?on=true&r=0.5")
    let floats = try F.render("a: v${ 1.0 }-${ 1e3 }-${ -2 }\n")
    #expect(floats.node?["a"]?.string == "v1.0-1000.0--2")
  }

  @Test func interpolatingNullSaysToWriteADefault() throws {
    let rendered = try F.render(
      """
      a: "x-${ values.nothing }"
      b: ${ values.nothing }-suffix
      """)
    #expect(
      rendered.errors == [
        #"1:7: 'values.nothing' is null and cannot be interpolated into a string; write '${ values.nothing ?? "" }' for an empty string"#,
        #"2:4: 'values.nothing' is null and cannot be interpolated into a string; write '${ values.nothing ?? "" }' for an empty string"#,
      ])
    let fixed = try F.render(#"a: 'x-${ values.nothing ?? "" }'"# + "\n")
    #expect(fixed.node?["a"]?.string == "x-")
  }

  @Test func interpolatingAMapOrListSuggestsToJson() throws {
    let rendered = try F.render(
      """
      b: "${ values.labels }"
      c: hosts=${ values.hosts }
      """)
    #expect(
      rendered.errors == [
        "1:5: 'values.labels' is a mapping and cannot be interpolated into a string; write '${ values.labels | toJson }' for its JSON text",
        "2:10: 'values.hosts' is a list and cannot be interpolated into a string; write '${ values.hosts | toJson }' for its JSON text",
      ])
    let fixed = try F.render("b: \"${ values.labels | toJson }\"\n")
    #expect(fixed.node?["b"]?.string == #"{"team":"payments","tier":"backend"}"#)
  }

  // MARK: 4. Keys

  @Test func keysAreInterpolatedToStrings() throws {
    let rendered = try F.render(
      """
      "${ service.name }-config": a
      ${ values.port }: b
      app-${ values.name }: c
      $${ literal }: d
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        checkout-config: a
        "8080": b
        app-web: c
        ${ literal }: d

        """)
    #expect(rendered.node?.mapping?.map(\.keyLocation.line) == [1, 2, 3, 4])
  }

  @Test func aRenderedDuplicateKeyIsAnError() throws {
    let rendered = try F.render(
      """
      web: 1
      ${ values.name }: ${ values.nope }
      """)
    // The duplicate's value is still checked, so one run shows every problem.
    #expect(
      rendered.errors == [
        "2:1: duplicate key 'web' after rendering",
        "2:19: 'values.nope' is not defined",
      ])
    #expect(rendered.diagnostics.first?.related.first?.location == F.location(line: 1, column: 1))
  }

  @Test func keyErrorsPointIntoTheKey() throws {
    let rendered = try F.render(
      """
      app-${ values.nme }: x
      ${ values.nothing }: y
      """)
    #expect(
      rendered.errors == [
        "1:5: 'values.nme' is not defined; did you mean 'values.name'?",
        #"2:1: 'values.nothing' is null and cannot be interpolated into a string; write '${ values.nothing ?? "" }' for an empty string"#,
      ])
  }

  // MARK: 5. $merge

  @Test func mergeSpreadsWithLaterEntriesWinning() throws {
    // {a: 1, team: literal, ...labels, tier: override}
    let rendered = try F.render(
      """
      labels:
        a: "1"
        team: literal
        $merge: ${ values.labels }
        tier: override
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        labels:
          a: "1"
          team: payments
          tier: override

        """)
  }

  @Test func mergeTakesNullAndListsOfExpressions() throws {
    let rendered = try F.render(
      """
      a:
        $merge: ${ values.nothing }
        keep: 1
      b:
        $merge:
          - ${ values.labels }
          - ${ values.ingress }
          - ${ env.vars }
        team: last
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        a:
          keep: 1
        b:
          team: last
          tier: backend
          domain: shop.example.com

        """)
  }

  @Test func mergeOfANonMappingIsAnError() throws {
    let rendered = try F.render(
      """
      a:
        $merge: ${ values.hosts }
      b:
        $merge:
          - ${ values.port }
      c:
        $merge: ${ values.extra }
      """)
    #expect(
      rendered.errors == [
        "2:11: '$merge' needs a mapping or null, not a list",
        "5:7: '$merge' needs a mapping or null, not an integer (8080)",
        "7:11: 'values.extra' is not defined",
      ])
  }

  @Test func doubleDollarMergeIsALiteralKey() throws {
    let rendered = try F.render("$$merge: ${ values.name }\n$$append: x\n")
    #expect(rendered.diagnostics.isEmpty)
    #expect(rendered.yaml == "$merge: web\n$append: x\n")
  }

  // MARK: 6. $append

  @Test func appendSplicesAListIn() throws {
    let rendered = try F.render(
      """
      env:
        - name: A
          value: "1"
        - $append: ${ values.extraEnv }
        - name: B
          value: "2"
        - $append: ${ values.nothing }
        - $append: ${ values.hosts }
      """)
    #expect(rendered.diagnostics.isEmpty, "\(rendered.errors)")
    #expect(
      rendered.yaml == """
        env:
        - name: A
          value: "1"
        - name: EXTRA
          value: "1"
        - name: B
          value: "2"
        - a.example.com
        - b.example.com

        """)
  }

  @Test func appendOfANonListOrOutOfPlaceIsAnError() throws {
    let rendered = try F.render(
      """
      a:
        - $append: ${ values.labels }
      b:
        - $append: ${ values.hosts }
          other: 1
      c:
        $append: ${ values.hosts }
      """)
    #expect(
      rendered.errors == [
        "2:14: '$append' needs a list or null, not a mapping",
        "4:5: '$append' only works as the single key of a list item ('- $append: ${ list }')",
        "7:3: '$append' only works as the single key of a list item ('- $append: ${ list }')",
      ])
  }

  @Test func doubleDollarAppendIsALiteralKey() throws {
    let rendered = try F.render("items:\n  - $$append: ${ values.name }\n")
    #expect(rendered.diagnostics.isEmpty)
    #expect(rendered.yaml == "items:\n- $append: web\n")
  }

  // MARK: Errors: all of them, each where its expression is

  @Test func everyErrorOfADocumentIsReported() throws {
    let rendered = try F.render(
      """
      a: ${ values.replcas }
      b: "${ values.nothing }"
      c: ${ values.port | uper }
      d:
        - ${ nope }
        - ok
      e: ${ values.port
      """)
    #expect(
      rendered.errors == [
        "1:4: 'values.replcas' is not defined; did you mean 'values.replicas'?",
        #"2:5: 'values.nothing' is null and cannot be interpolated into a string; write '${ values.nothing ?? "" }' for an empty string"#,
        "3:4: unknown filter 'uper'; did you mean 'upper'?",
        "5:5: 'nope' is not defined",
        "7:4: unterminated '${': close the expression with '}'",
      ])
    #expect(rendered.diagnostics.allSatisfy { $0.location.testPath == F.templateFile })
  }

  @Test func eachExpressionOfAScalarIsLocatedAtItsDollarBrace() throws {
    let rendered = try F.render(
      """
      url: ${ values.name }:${ values.pot }
      quoted: "${ values.a }/${ values.b }"
      ü: 'ünï ${ values.c } ✓ ${ "é" }${ values.d }'
      """)
    #expect(
      rendered.errors == [
        "1:23: 'values.pot' is not defined; did you mean 'values.port'?",
        "2:10: 'values.a' is not defined",
        "2:24: 'values.b' is not defined",
        "3:9: 'values.c' is not defined",
        "3:33: 'values.d' is not defined",
      ])
  }

  @Test func blockScalarErrorsPointAtTheScalar() throws {
    let template = """
      script: |
        echo start
        echo ${ values.missing }
      """
    let rendered = try F.render(template)
    let document = try F.parse(template, file: F.templateFile)
    #expect(rendered.diagnostics.count == 1)
    #expect(rendered.diagnostics.first?.location == document["script"]?.location)
    #expect(rendered.diagnostics.first?.location.line == 1)
  }

  @Test func syntaxErrorsQuoteTheExpression() throws {
    let rendered = try F.render("a: ${ values.port | }\nb: ${ }\n")
    #expect(
      rendered.errors == [
        "1:4: invalid expression '${ values.port | }': expected a filter name after '|', found the end of the expression",
        "2:4: invalid expression '${ }': the expression is empty",
      ])
  }

  /// Texts parsed once per file are found by their bytes: two spellings of "café"
  /// (precomposed, and e with a combining accent) compare equal as Swift strings but
  /// must each render as written.
  @Test func parsedTextsAreMatchedByTheirBytes() throws {
    let precomposed = "caf\u{E9}-${ service.name }"
    let decomposed = "cafe\u{301}-${ service.name }"
    let document = try F.parse(
      "a: \"\(precomposed)\"\nb: \"\(decomposed)\"\n", file: F.templateFile)
    let renderer = TemplateRenderer(scope: try F.scope(), templates: ScalarTemplates([document]))
    let rendered = try #require(renderer.render(document).node)
    #expect(rendered["a"]?.string.map { Array($0.utf8) } == Array("caf\u{E9}-checkout".utf8))
    #expect(rendered["b"]?.string.map { Array($0.utf8) } == Array("cafe\u{301}-checkout".utf8))
  }
}
