import TestSupport
import Testing

@testable import RenderKit

/// `policy:` is an input like any other: every key is checked when the environment is
/// parsed, and `schema` is a rule whose severity counts.
@Suite struct PolicyParserTests {
  static func layer(_ text: String) throws -> (PolicyLayer, [String]) {
    let file = "environments/prod/environment.yaml"
    let document = try #require(
      DocumentReader.single(of: SourceFile(path: file, text: text), in: testFiles).0)
    let policy = try #require(document["policy"])
    let (layer, found) = PolicyParser.parse(policy, file: file)
    return (layer, RepositoryFixture.lines(found, in: testFiles))
  }

  @Test func everyKeyIsRead() throws {
    let (layer, findings) = try Self.layer(
      """
      policy:
        rules: {probes: error, schema: warning, labels: off}
        ignore:
          - {rule: plaintext-secret, service: "store*", kind: Secret, name: demo}
        requiredLabels: [team, app.kubernetes.io/name]
      """)
    #expect(findings.isEmpty)
    #expect(layer.severities == ["probes": .error, "schema": .warning, "labels": .off])
    #expect(layer.ignores.map(\.rule) == ["plaintext-secret"])
    #expect(layer.ignores.first?.service == "store*")
    #expect(layer.ignores.first?.kind == "Secret")
    #expect(layer.ignores.first?.name == "demo")
    #expect(layer.requiredLabels == ["team", "app.kubernetes.io/name"])
  }

  @Test func mistakesAreLocated() throws {
    let (layer, findings) = try Self.layer(
      """
      policy:
        rules: {probs: error, schema: loud}
        ignore:
          - {rule: labels, servce: web}
          - {kind: Secret}
          - {rule: nope}
        requiredLabels: team
        strict: true
      """)
    #expect(layer.severities.isEmpty)
    #expect(layer.ignores.map(\.rule) == ["labels"])
    #expect(
      findings == [
        "environments/prod/environment.yaml:2:11: unknown rule 'probs'; did you mean 'probes'?",
        "environments/prod/environment.yaml:2:33: the severity of 'schema' must be error, warning or off, not loud",
        "environments/prod/environment.yaml:4:22: unknown key 'servce' in a 'policy.ignore' entry in environments/prod/environment.yaml; did you mean 'service'?",
        "environments/prod/environment.yaml:5:7: a 'policy.ignore' entry in environments/prod/environment.yaml is missing 'rule'",
        "environments/prod/environment.yaml:6:14: unknown rule 'nope'",
        "environments/prod/environment.yaml:7:19: 'requiredLabels' in 'policy' in environments/prod/environment.yaml must be a list, not a string (\"team\")",
        "environments/prod/environment.yaml:8:3: unknown key 'strict' in 'policy' in environments/prod/environment.yaml",
      ])
  }

  @Test func aTypoInAFilteredOutEnvironmentIsStillReported() async throws {
    let compilation = try await CompilerTests.compile(
      [
        "environments/prod/environment.yaml": """
        inherits: base
        namespace: shop-prod
        policy:
          rules: {probs: error}
        """
      ], options: BuildOptions(environments: ["dev"]))
    #expect(
      CompilerTests.findings(compilation).contains {
        $0.hasPrefix("environments/prod/environment.yaml:4:11: unknown rule 'probs'")
      })
  }

  @Test func theClosestLayerWinsAndIgnoresAccumulate() {
    let base = Environment(
      name: "base", file: "environments/base/environment.yaml",
      policy: PolicyLayer(
        severities: ["probes": .error, "schema": .warning],
        ignores: [PolicyIgnore(rule: "labels", location: testFiles.start(of: "base"))],
        requiredLabels: ["team"]))
    let prod = Environment(
      name: "prod", file: "environments/prod/environment.yaml",
      policy: PolicyLayer(
        severities: ["probes": .off],
        ignores: [PolicyIgnore(rule: "probes", location: testFiles.start(of: "prod"))]))
    let settings = PolicySettings(chain: [base, prod])
    #expect(settings.severities == ["probes": .off, "schema": .warning])
    #expect(settings.schemaSeverity == .warning)
    #expect(settings.ignores.map(\.rule) == ["labels", "probes"])
    #expect(settings.requiredLabels == ["team"])
    #expect(PolicySettings(chain: [prod]).schemaSeverity == .error)
  }

  static let badQuota = """
    apiVersion: v1
    kind: ResourceQuota
    metadata:
      name: ${ env.name }-quota
    spec:
      hard: {pods: "10"}
      colour: blue
    """

  static func schemaFindings(
    _ severity: String?, strict: Bool = false
  ) async throws
    -> [Diagnostic]
  {
    let policy = severity.map { "policy:\n  rules: {schema: \($0)}\n" } ?? ""
    let compilation = try await CompilerTests.compile(
      [
        "environments/dev/environment.yaml": "inherits: base\nnamespace: shop-dev\n" + policy,
        "environments/dev/resources/quota.yaml": badQuota,
      ], options: BuildOptions(environments: ["dev"], strict: strict))
    return compilation.diagnostics.filter { $0.rule == "schema" }
  }

  @Test func schemaIsARealRule() async throws {
    let byDefault = try await Self.schemaFindings(nil)
    #expect(byDefault.count == 1)
    #expect(byDefault.first?.severity == .error)
    #expect(try await Self.schemaFindings("off").isEmpty)
    #expect(try await Self.schemaFindings("warning").map(\.severity) == [.warning])
    #expect(try await Self.schemaFindings("warning", strict: true).map(\.severity) == [.error])
  }
}
