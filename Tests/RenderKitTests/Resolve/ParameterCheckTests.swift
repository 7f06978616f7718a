import Testing

@testable import RenderKit

/// Resolved values are checked against the template's parameters, and each finding
/// points at the layer that set the offending value.
@Suite struct ParameterCheckTests {
  @Test func aRequiredParameterNoLayerSetsIsReportedAtTheTemplateReference() throws {
    let files: [String: String?] = [
      "templates/web/template.yaml":
        "parameters:\n  domain: {type: string}\n  port: {type: integer, default: 80}\n",
      "environments/staging/environment.yaml": "namespace: shop-staging\n",
      "environments/staging/checkout.yaml": "values: {domain: staging.example.com}\n",
    ]
    let prod = try ResolveFixture.resolve(files, in: "prod")
    #expect(
      prod.findings == [
        "services/checkout/service.yaml:1:11: template 'web' requires the parameter 'domain', which no layer sets"
      ])
    let staging = try ResolveFixture.resolve(files, in: "staging")
    #expect(staging.findings.isEmpty)
    #expect(staging.value("domain")?.string == "staging.example.com")
  }

  @Test func aRequiredNestedKeyIsReportedAtTheObject() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  ingress: {path: /x}\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:2:12: 'values.ingress' is missing the required key 'host'"
      ])
  }

  @Test func enumErrorsAreReportedAtTheOverrideThatSetTheValue() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "version: 1.4.3\nvalues:\n  tier: frontnd\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:3:9: 'values.tier' must be one of frontend, backend, not a string (\"frontnd\"); did you mean 'frontend'?"
      ])
  }

  @Test func minimumAndMaximumErrorsAreReportedWhereTheValueIsSet() throws {
    let tooFew = try ResolveFixture.resolve([
      "environments/base/environment.yaml":
        "abstract: true\ndefaults:\n  values:\n    replicas: -1\n"
    ])
    #expect(
      tooFew.findings == [
        "environments/base/environment.yaml:4:15: 'values.replicas' must be at least 0, not -1"
      ])
    let tooMany = try ResolveFixture.resolve([
      "services/checkout/service.yaml":
        "template: web\nimage: ghcr.io/acme/checkout\nversion: 1.4.2\nvalues:\n  replicas: 51\n"
    ])
    #expect(
      tooMany.findings == [
        "services/checkout/service.yaml:5:13: 'values.replicas' must be at most 50, not 51"
      ])
  }

  @Test func aValueALaterLayerReplacesIsNotChecked() throws {
    // Only the merged result is checked: a wrong value that a later layer replaces is gone.
    let result = try ResolveFixture.resolve([
      "services/checkout/service.yaml":
        "template: web\nimage: ghcr.io/acme/checkout\nversion: 1.4.2\nvalues:\n  replicas: -1\n",
      "environments/prod/checkout.yaml": "values:\n  replicas: 2\n",
    ])
    #expect(result.findings.isEmpty)
  }

  @Test func patternErrors() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/environment.yaml":
        "inherits: base\nnamespace: shop-prod\nservices:\n  checkout:\n    values: {host: Shop.Example.com}\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/environment.yaml:5:20: 'values.host' (\"Shop.Example.com\") does not match the pattern '^[a-z.]+$'"
      ])
  }

  @Test func anAdditionalPropertiesSchemaChecksEveryValue() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  env:\n    WORKERS: 4\n    DEBUG: \"true\"\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:3:14: 'values.env.WORKERS' must be a string, not an integer (4)"
      ])
    #expect(result.diagnostics.first?.help == "quote the value to make it a string")
  }

  @Test func aClosedObjectRejectsUnknownKeysAtTheKey() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml":
        "values:\n  ingress:\n    host: a.example.com\n    paht: /x\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:4:5: unknown key 'paht' in 'values.ingress'; did you mean 'path'?"
      ])
  }

  @Test func typeErrorsNameTheExpectedAndTheFoundType() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": """
      values:
        port: "8080"
        args: serve
        replicas: null
        ingress: true
      """
    ])
    // `replicas: null` removes the key: the default applies, no error.
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:2:9: 'values.port' must be an integer, not a string (\"8080\")",
        "environments/prod/checkout.yaml:3:9: 'values.args' must be a list, not a string (\"serve\")",
        "environments/prod/checkout.yaml:5:12: 'values.ingress' must be a mapping, not a boolean (true)",
      ])
  }

  @Test func listItemsAreCheckedWithTheirIndex() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  args: [serve, 8080]\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:2:17: 'values.args[1]' must be a string, not an integer (8080)"
      ])
  }
}

@Suite struct ParameterYAML11ReadingTests {
  @Test func aLeadingZeroIntegerParameterGivesBothSpellings() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  port: 08080\n"
    ])
    #expect(
      result.findings == [
        "environments/prod/checkout.yaml:2:9: 'values.port': '08080' has a leading zero, which YAML 1.1 readers such as kubectl and YAML 1.2 read differently"
      ])
    #expect(result.diagnostics.first?.help == "write 8080")
  }

  @Test func aStringParameterTakesTheTextAsItIs() throws {
    let result = try ResolveFixture.resolve([
      "environments/prod/checkout.yaml": "values:\n  env: {MODE: 0644, DEBUG: yes}\n"
    ])
    #expect(result.findings == [])
    #expect(result.value("env")?["MODE"]?.string == "0644")
    #expect(result.value("env")?["DEBUG"]?.string == "yes")
  }
}
