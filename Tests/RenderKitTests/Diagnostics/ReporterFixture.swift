import RenderKit
import TestSupport

/// The findings every reporter's golden file is made from: one of each kind a reporter
/// has to handle (a quoted source line, a warning, a note, related entries with and
/// without a location, help, a message that needs escaping in every format, and a
/// finding at a location render generated).
enum ReporterFixture {
  static let sources: [String: SourceFile] = [
    "environments/prod/environment.yaml": SourceFile(
      path: "environments/prod/environment.yaml",
      text: """
        name: prod
        namespace: shop
        services:
          checkout:
            version: latest
            replicas: 3

        """),
    "rendered/prod/checkout/deployment.yaml": SourceFile(
      path: "rendered/prod/checkout/deployment.yaml",
      text: """
        spec:
          template:
            spec:
              containers:
                - name: checkout
                  image: shop/checkout:latest

        """),
    "templates/web/template.yaml": SourceFile(
      path: "templates/web/template.yaml",
      text: """
        parameters:
          port: {type: integer, default: 8080}
        resources:
          - kind: Deployment
            containers:
              - name: web
                image: ${image}

        """),
    // Non-ASCII before the column: the caret counts scalars, and cells on a terminal.
    "services/checkout/values.yaml": SourceFile(
      path: "services/checkout/values.yaml",
      text: """
        # Zahlungsabwicklung
        overrides: {équipe: "café ☕", replicaz: 3}

        """),
  ]

  static func source(_ path: String) -> SourceFile? { sources[path] }

  static let diagnostics: [Diagnostic] = [
    Diagnostic(
      .error, rule: "image-tag", "image \"shop/checkout:latest\" uses the tag 'latest'",
      at: testFiles.location("environments/prod/environment.yaml", line: 5, column: 14),
      related: [
        Diagnostic.Related(
          "rendered as spec.template.spec.containers[0].image",
          at: testFiles.location("rendered/prod/checkout/deployment.yaml", line: 6, column: 18)),
        Diagnostic.Related("environment 'prod' inherits this version from 'base'"),
      ],
      help: "pin a version, for example `version: 1.4.2`"),
    Diagnostic(
      .warning, rule: "probes", "container \"web\" has no readinessProbe",
      at: testFiles.location("templates/web/template.yaml", line: 6, column: 9)),
    Diagnostic(
      .note, rule: "deprecated-api",
      "autoscaling/v2beta2 was removed in Kubernetes 1.26; render writes autoscaling/v2",
      at: testFiles.location("services/checkout/service.yaml", line: 3, column: 1)),
    Diagnostic(
      .error, rule: "schema",
      "unknown field \"replicaz\" in Deployment 'checkout' (path: spec\\replicaz, 100%, "
        + "a, b: c)\nsecond line: naïve café ☕ 配置",
      at: testFiles.location("services/checkout/values.yaml", line: 2, column: 31),
      help: "did you mean \"replicas\"?"),
    Diagnostic(
      .error, rule: "unique", "ConfigMap \"checkout-env\" in namespace \"shop\" is rendered twice",
      at: .generated,
      related: [
        Diagnostic.Related(
          "first rendered here",
          at: testFiles.location(
            "rendered/prod/checkout/configmap-checkout-env.yaml", line: 2, column: 1))
      ],
      help: "rename the ConfigMap in services/checkout/service.yaml"),
  ]

  /// Fixed rule metadata, so the SARIF golden file does not change whenever the rule
  /// catalog does; `deprecated-api` is left out on purpose, to show a rule id that only a
  /// finding names.
  static let rules: [ReportedRule] =
    ReportedRule.builtIn + [
      ReportedRule(
        id: "image-tag", summary: "Images have a tag, and it is not `latest`.",
        rationale: "A moving tag means the cluster runs whatever was pushed last.",
        defaultSeverity: .error),
      ReportedRule(
        id: "probes", summary: "Long-running workloads have a readiness probe.",
        rationale: "Without one, traffic reaches pods before they can serve it.",
        defaultSeverity: .warning),
      ReportedRule(
        id: "unique", summary: "No two resources share group, kind, namespace and name.",
        rationale: "The second one silently replaces the first when applied.",
        defaultSeverity: .error),
      ReportedRule(
        id: "labels", summary: "Required labels are present.",
        rationale: "", defaultSeverity: .off),
    ]

  static let sarifReporter = SARIFReporter(
    rules: rules, informationURI: "https://example.com/render",
    rulesDocumentationURI: "https://example.com/render/docs/rules.md")
}
