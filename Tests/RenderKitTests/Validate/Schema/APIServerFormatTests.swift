import TestSupport
import Testing
import YAML

@testable import RenderKit

/// Checks the API server makes that JSON Schema types alone do not: RFC 3339 times,
/// embedded resources, whole-number floats as integers, `metadata` as a mapping.
@Suite struct APIServerFormatTests {
  typealias Support = SchemaTestSupport

  @Test(arguments: [
    ("2024-05-01T12:00:00Z", true),
    ("2024-02-29T00:00:00.123456+02:00", true),
    ("1999-12-31T23:59:59-08:00", true),
    ("yesterday", false),
    ("2024-05-01", false),
    ("2024-05-01T12:00:00", false),  // no zone
    ("2024-05-01 12:00:00Z", false),
    ("2023-02-29T00:00:00Z", false),  // not a leap year
    ("2024-04-31T00:00:00Z", false),
    ("2024-05-01T24:00:00Z", false),
    ("2024-05-01T12:60:00Z", false),
    ("2024-05-01T12:00:60Z", false),  // Go's time.Parse has no leap seconds
    ("2024-05-01T12:00:00.Z", false),
    ("2024-05-01T12:00:00+2:00", false),
    ("2024-05-01T12:00:00Zjunk", false),
  ])
  func rfc3339(text: String, valid: Bool) {
    #expect(ValueFormat.isDateTime(text, allowsLowercase: false) == valid)
  }

  @Test func lowercaseSeparatorsOnlyInCustomResources() {
    // metav1.Time parses with time.RFC3339; CRDs are checked by kube-openapi's
    // IsDateTime, which lower-cases first.
    #expect(!ValueFormat.isDateTime("2024-05-01t12:00:00z", allowsLowercase: false))
    #expect(ValueFormat.isDateTime("2024-05-01t12:00:00z", allowsLowercase: true))
  }

  @Test func creationTimestampMustBeATime() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: stamp
        creationTimestamp: yesterday
      """)
    #expect(
      Support.summary(findings) == [
        #"5:22: 'creationTimestamp' is not an RFC 3339 date-time ("yesterday")"#
      ])
    #expect(findings.first?.help == "write a time such as 2024-05-01T12:00:00Z")
    let fine = try Support.findings(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: stamp, creationTimestamp: "2024-05-01T12:00:00Z"}
      """)
    #expect(fine.isEmpty)
    let unset = try Support.findings(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: stamp, creationTimestamp: null}\n")
    #expect(unset.isEmpty)
  }

  static let jobCRD = """
    apiVersion: apiextensions.k8s.io/v1
    kind: CustomResourceDefinition
    metadata: {name: runs.example.com}
    spec:
      group: example.com
      names: {kind: Run}
      versions:
      - name: v1
        served: true
        schema:
          openAPIV3Schema:
            type: object
            properties:
              spec:
                type: object
                properties:
                  startAt: {type: string, format: date-time}
                  template:
                    type: object
                    x-kubernetes-embedded-resource: true
                    x-kubernetes-preserve-unknown-fields: true
    """

  @Test func customResourceDateTimeAndEmbeddedResource() throws {
    let (schema, diagnostics) = bundledSchema.adding(crds: [
      try Support.node(Self.jobCRD, file: "crds/run.yaml")
    ])
    #expect(diagnostics.isEmpty)
    let findings = try Support.findings(
      """
      apiVersion: example.com/v1
      kind: Run
      metadata: {name: nightly}
      spec:
        startAt: tomorrow
        template:
          metadata: {name: inner}
          spec: {}
      """, schema: schema)
    #expect(
      Support.summary(findings) == [
        #"5:12: 'startAt' is not an RFC 3339 date-time ("tomorrow")"#,
        "7:5: missing required field 'apiVersion' in 'template'",
        "7:5: missing required field 'kind' in 'template'",
      ])
    let fine = try Support.findings(
      """
      apiVersion: example.com/v1
      kind: Run
      metadata: {name: nightly}
      spec:
        startAt: 2024-05-01t12:00:00z
        template: {apiVersion: batch/v1, kind: Job, metadata: {name: inner}}
      """, schema: schema)
    #expect(fine.isEmpty)
  }

  /// `3.0` is an integer to JSON Schema and to kubectl (which sends it as `3`).
  @Test func wholeNumberFloatsAreIntegers() throws {
    func findings(_ replicas: String) throws -> [String] {
      Support.summary(
        try Support.findings(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            replicas: \(replicas)
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec: {containers: [{name: web, image: "nginx:1.27"}]}
          """))
    }
    #expect(try findings("3.0").isEmpty)
    #expect(try findings("3.5") == ["5:13: 'replicas' must be an integer, not a number (3.5)"])
    #expect(
      try findings("3.0e10") == [
        "5:13: 'replicas' is out of range for a 32-bit integer (30000000000.0)"
      ])
  }

  @Test func metadataThatIsNotAMappingIsReportedWhereItIs() throws {
    let body = try Support.node(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: []\ndata: {a: b}\n",
      file: "environments/dev/resources/cm.yaml")
    var diagnostics: [Diagnostic] = []
    let resource = ServiceRenderer.resource(
      body, service: nil, environment: "dev", source: body.location, diagnostics: &diagnostics)
    #expect(resource == nil)
    #expect(
      diagnostics.map { "\(testFiles.describe($0.location)): \($0.message)" } == [
        "environments/dev/resources/cm.yaml:3:11: 'metadata' must be a mapping, not a list"
      ])
  }
}
