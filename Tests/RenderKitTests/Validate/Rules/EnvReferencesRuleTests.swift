import Testing

@testable import RenderKit

@Suite struct EnvReferencesRuleTests {
  typealias Support = RuleTestSupport
  let rule = EnvReferencesRule()

  @Test func reportsLaterAndUndefinedReferencesAtTheValue() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              env:
              - name: CONNECTION
                value: "$(REDIS_HOST):$(REDIS_PROT)"
              - {name: REDIS_HOST, value: redis}
              - {name: REDIS_PORT_NUMBER, value: "6379"}
      """)
    #expect(
      Support.summary(findings) == [
        "14:18: env 'CONNECTION' of container 'app' of Deployment/web refers to '$(REDIS_HOST)', which is defined after it, so Kubernetes leaves '$(REDIS_HOST)' unexpanded",
        "14:18: env 'CONNECTION' of container 'app' of Deployment/web refers to '$(REDIS_PROT)', which the container does not define; did you mean 'REDIS_HOST'?",
      ])
    #expect(findings.first?.help?.hasPrefix("define 'REDIS_HOST' before 'CONNECTION'") == true)
  }

  @Test func referencesAreParsedLikeKubernetes() {
    #expect(EnvReferencesRule.references(in: "$(A):$(B)/x") == ["A", "B"])
    #expect(EnvReferencesRule.references(in: "$$(A) $$$(B) $(") == ["B"])
    #expect(EnvReferencesRule.references(in: "no refs $ here $()") == [])
  }
}
