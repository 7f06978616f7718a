import TestSupport
import Testing

@testable import RenderKit

@Suite struct ParameterSchemaParserTests {
  private let file = "templates/web/template.yaml"

  private func parse(_ parameters: String) throws -> (schema: ParameterSchema, findings: [String]) {
    let node = try RepositoryFixture.node(parameters, file: file)
    let (schema, diagnostics) = ParameterSchemaParser.parseParameters(
      node["parameters"], fileStart: testFiles.start(of: file))
    return (schema, RepositoryFixture.lines(diagnostics, in: testFiles))
  }

  @Test func parametersWithoutADefaultAreRequired() throws {
    let (schema, findings) = try parse(
      """
      parameters:
        port: {type: integer, default: 8080}
        host: {type: string}
        ingress: {type: object, default: null}
      """)
    #expect(findings.isEmpty)
    #expect(schema.properties.map(\.name) == ["port", "host", "ingress"])
    #expect(schema.required.map(\.value) == ["host"])
    // Only the declared parameters are accepted.
    guard case .forbidden = schema.additional else {
      Issue.record("top-level parameters must be closed, got \(schema.additional)")
      return
    }
    #expect(schema.property("ingress")?.allowsNull == true)
    #expect(schema.property("port")?.allowsNull == false)
  }

  @Test func noParametersAtAllAcceptsNothing() throws {
    let (schema, diagnostics) = ParameterSchemaParser.parseParameters(
      nil, fileStart: testFiles.start(of: file))
    #expect(diagnostics.isEmpty)
    #expect(schema.properties.isEmpty)
    guard case .forbidden = schema.additional else {
      Issue.record("expected a closed schema")
      return
    }
  }

  @Test func parametersMustBeAMapping() throws {
    #expect(
      try parse("parameters: [port]\n").findings == [
        "\(file):1:13: 'parameters' must be a mapping of parameter names to schemas"
      ])
  }

  @Test func anUnknownTypeSuggestsTheNearestType() throws {
    #expect(
      try parse("parameters:\n  port: {type: intger}\n  tags: {type: [strng, 'null']}\n").findings
        == [
          "\(file):2:16: unknown type 'intger' for parameter 'port'; did you mean 'integer'?",
          "\(file):3:17: unknown type 'strng' for parameter 'tags'; did you mean 'string'?",
        ])
  }

  @Test func anUnknownSchemaKeySuggestsTheNearestKey() throws {
    #expect(
      try parse("parameters:\n  port: {type: integer, defualt: 1}\n").findings == [
        "\(file):2:25: unknown key 'defualt' in the schema of parameter 'port'; did you mean 'default'?"
      ])
  }

  @Test func nestedSchemasAreReadWithTheirPaths() throws {
    let (schema, findings) = try parse(
      """
      parameters:
        ingress:
          type: object
          default: null
          properties:
            host: {type: string}
            path: {type: string, default: /}
            tls: {type: object, properties: {secret: {type: strin}}}
          required: [host, hots]
      """)
    #expect(
      findings == [
        "\(file):8:55: unknown type 'strin' for parameter 'ingress.tls.secret'; did you mean 'string'?",
        "\(file):9:22: 'hots' is required but is not one of the properties of 'ingress'; did you mean 'host'?",
      ])
    let ingress = try #require(schema.property("ingress"))
    #expect(ingress.properties.map(\.name) == ["host", "path", "tls"])
    #expect(ingress.required.map(\.value) == ["host", "hots"])
    // An object with properties is closed unless it says otherwise.
    guard case .forbidden = ingress.additional else {
      Issue.record("expected a closed object")
      return
    }
  }

  @Test func additionalPropertiesCanOpenAClosedObjectOrTypeItsValues() throws {
    let (schema, findings) = try parse(
      """
      parameters:
        open: {type: object, properties: {a: {type: string}}, additionalProperties: true}
        typed: {type: object, additionalProperties: {type: string}}
        bare: {type: object}
        wrong: {type: object, additionalProperties: maybe}
      """)
    #expect(findings == ["\(file):5:47: 'additionalProperties' must be true, false or a schema"])
    guard case .allowed = schema.property("open")?.additional,
      case .schema(let values) = schema.property("typed")?.additional,
      case .allowed = schema.property("bare")?.additional
    else {
      Issue.record("unexpected additionalProperties")
      return
    }
    #expect(values.types == [.string])
  }

  @Test func boundsMustBeNumbersAndPatternsMustCompile() throws {
    #expect(
      try parse(
        "parameters:\n  port: {type: integer, minimum: one, default: 1}\n  name: {type: string, pattern: '[a-', default: a}\n"
      ).findings == [
        "\(file):2:34: 'minimum' must be a number, not a string",
        "\(file):3:34: pattern \"[a-\" is not valid RE2 syntax, which the API server uses: "
          + "missing closing `]` for the class opened here",
      ])
  }

  /// RE2 (the API server's engine) has no lookaround: the finding points at the `(?!`.
  @Test func patternsRE2RejectsAreReportedWhereTheyGoWrong() throws {
    let node = try RepositoryFixture.node(
      "parameters:\n  name: {type: string, pattern: '^(?!-)[a-z-]+$', default: a}\n"
        + "  tag: {type: string, pattern: ^v\\d+(\\.\\d+)*+$, default: v1}\n", file: file)
    let (_, diagnostics) = ParameterSchemaParser.parseParameters(
      node["parameters"], fileStart: testFiles.start(of: file))
    #expect(
      RepositoryFixture.lines(diagnostics, in: testFiles) == [
        "\(file):2:35: pattern \"^(?!-)[a-z-]+$\" is not valid RE2 syntax, which the API "
          + "server uses: lookahead `(?!` is not supported by RE2",
        "\(file):3:44: pattern \"^v\\\\d+(\\\\.\\\\d+)*+$\" is not valid RE2 syntax, which the "
          + "API server uses: possessive quantifier `*+` is not supported by RE2",
      ])
    #expect(diagnostics.first?.help?.contains("no lookaround") == true)
  }

  @Test func aDefaultThatBreaksItsOwnSchemaIsReportedAtTheDefault() throws {
    let findings = try parse(
      """
      parameters:
        port: {type: integer, default: 70000, maximum: 65535}
        mode: {type: string, enum: [fast, safe], default: slow}
        ratio: {type: number, default: "0.5"}
      """
    ).findings
    #expect(
      findings == [
        "\(file):2:34: default of 'port': 'port' must be at most 65535, not 70000",
        "\(file):3:53: default of 'mode': 'mode' must be one of fast, safe, not a string (\"slow\")",
        "\(file):4:34: default of 'ratio': 'ratio' must be a number, not a string (\"0.5\")",
      ])
  }

  @Test func aValidSchemaKeepsEveryConstraint() throws {
    let (schema, findings) = try parse(
      """
      parameters:
        replicas:
          type: [integer, 'null']
          description: Pods.
          default: 2
          minimum: 0
          maximum: 10.5
        tier: {type: string, enum: [web, api], default: web, pattern: '^[a-z]+$'}
        hosts: {type: array, items: {type: string}, default: []}
      """)
    #expect(findings.isEmpty)
    let replicas = try #require(schema.property("replicas"))
    #expect(replicas.types == [.integer, .null])
    #expect(replicas.minimum == 0)
    #expect(replicas.maximum == 10.5)
    #expect(replicas.description == "Pods.")
    #expect(replicas.defaultValue?.int == 2)
    #expect(replicas.location == testFiles.location(file, line: 3, column: 5))
    let tier = try #require(schema.property("tier"))
    #expect(tier.allowedValues?.compactMap(\.string) == ["web", "api"])
    #expect(tier.pattern?.source == "^[a-z]+$")
    #expect(schema.property("hosts")?.items?.types == [.string])
  }
}
