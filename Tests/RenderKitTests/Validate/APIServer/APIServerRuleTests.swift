import TestSupport
import Testing

@testable import RenderKit

@Suite struct APIServerRuleTests {
  typealias Support = RuleTestSupport
  let rule = APIServerRule()

  @Test func pointsAtTheOffendingValueWithTheAPIServersWording() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: -2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              imagePullPolicy: Sometimes
      """)
    #expect(
      Support.summary(findings) == [
        "13:26: spec.template.spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
        "5:13: spec.replicas: Invalid value: -2: must be greater than or equal to 0",
      ])
    #expect(findings.allSatisfy { $0.rule == "apiserver" && $0.severity == .error })
    #expect(
      findings.first?.related.map(\.message) == [
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[0].imagePullPolicy"
      ])
  }

  /// A network policy's `cidr` and each `except` range are read the same way.
  @Test func everyAddressRangeOfAnIPBlockMustBeACIDR() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: web}
      spec:
        podSelector: {}
        egress:
        - to:
          - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.1.0/24, 10.0.2.0, 10.0.3.0/24]}
          - ipBlock: {cidr: 10.0.0.0/33, except: [10.0.0.0/40]}
      """)
    // An invalid cidr stops the check of its except ranges, as in the API server.
    #expect(
      Support.summary(findings) == [
        "8:58: spec.egress[0].to[0].ipBlock.except[1]: Invalid value: \"10.0.2.0\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
        "9:23: spec.egress[0].to[1].ipBlock.cidr: Invalid value: \"10.0.0.0/33\": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
      ])
  }

  @Test func leavesCustomResourcesToTheirSchemas() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: acme.io/v1
      kind: Service
      metadata: {name: Not_A_DNS_Name}
      spec: {type: Foo}
      """)
    #expect(findings.isEmpty)
  }

  @Test func aValueFromAnotherFileIsReportedWhereItWasSet() throws {
    var resources = try Support.resources(
      """
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        type: ClusterIP
        ports: [{port: 80}]
      """)
    let value = Node.string(
      "Foo", at: testFiles.location("services/web/service.yaml", line: 7, column: 9))
    resources[0].resource.body = Support.replacing(
      Support.path("spec.type"), with: value, in: resources[0].body)
    let findings = rule.check(Support.context(resources))
    #expect(findings.map(\.location) == [value.location])
  }

  @Test func runsAfterTheSchemaAndCanBeSwitchedOff() throws {
    let ids = RuleCatalog.all.map(\.id)
    #expect(ids.first == "apiserver")
    #expect(RuleCatalog.configurableIDs.contains("apiserver"))
    #expect(rule.defaultSeverity == .error)
  }
}
