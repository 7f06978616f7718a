import Testing

@testable import RenderKit

/// A plain scalar that kubectl's YAML 1.1 reader and render's YAML 1.2 reader take for
/// different values is an error wherever the field accepts the YAML 1.1 reading, and
/// plain text where the field takes only strings.
@Suite struct SchemaYAML11ReadingTests {
  typealias Support = SchemaTestSupport

  static func pod(volume: String) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata: {name: x}
    spec:
      containers: [{name: app, image: app:1}]
      volumes:
      - name: config
        configMap: {name: config, defaultMode: \(volume)}
    """
  }

  @Test func aLeadingZeroModeIsAnErrorWithBothSpellings() throws {
    let findings = try Support.findings(Self.pod(volume: "0644"))
    #expect(
      Support.summary(findings) == [
        "8:44: 'defaultMode': '0644' is octal 420 to YAML 1.1 readers such as kubectl, but 644 to YAML 1.2"
      ])
    #expect(
      findings.first?.help == "write 0o644 or 420 for the octal value, or 644 for the decimal one")
  }

  @Test(arguments: ["0o644", "420", "644"])
  func spellingsEveryReaderAgreesOnAreAccepted(mode: String) throws {
    #expect(try Support.findings(Self.pod(volume: mode)).isEmpty)
  }

  @Test func aQuotedLeadingZeroIsAStringNotAnAmbiguity() throws {
    let findings = try Support.findings(Self.pod(volume: "'0644'"))
    #expect(
      Support.summary(findings) == [
        #"8:44: 'defaultMode' must be an integer, not a string ("0644")"#
      ])
  }

  @Test func intOrStringFieldsRefuseAmbiguousNumbers() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: Service
      metadata: {name: x}
      spec:
        ports: [{port: 80, targetPort: 0070}]
      """)
    #expect(
      Support.summary(findings) == [
        "5:34: 'targetPort': '0070' is octal 56 to YAML 1.1 readers such as kubectl, but 70 to YAML 1.2"
      ])
  }

  @Test(arguments: [
    (
      "1_000",
      "'replicas': '1_000' is the number 1000 to YAML 1.1 readers such as kubectl, but the string '1_000' to YAML 1.2"
    ),
    (
      "1:30",
      "'replicas': '1:30' is the base-60 number 90 to YAML 1.1 readers such as kubectl, but the string '1:30' to YAML 1.2"
    ),
    (
      "0b11",
      "'replicas': '0b11' is the number 3 to YAML 1.1 readers such as kubectl, but the string '0b11' to YAML 1.2"
    ),
  ])
  func yaml11NumbersWhereAnIntegerBelongsAreNamed(value: String, message: String) throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        replicas: \(value)
        selector: {}
        template: {}
      """)
    #expect(Support.summary(findings) == ["5:13: \(message)"])
  }

  @Test func stringFieldsTakeTheTextAsItIs() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
        annotations: {mode: 0644, enabled: yes, size: 1_000, time: 1:30}
      data: {mode: 0644, answer: no}
      """)
    #expect(Support.summary(findings) == [])
  }
}
