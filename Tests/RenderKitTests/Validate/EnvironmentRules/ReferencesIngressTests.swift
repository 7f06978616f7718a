import Testing

@testable import RenderKit

/// Ingress backends and TLS Secrets, and HorizontalPodAutoscaler targets, name objects
/// that exist.
@Suite struct ReferencesIngressTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = ReferencesRule()

  /// A Service with two ports; lines 1 to 9.
  static let service = """
    apiVersion: v1
    kind: Service
    metadata: {name: shop}
    spec:
      ports:
      - name: http
        port: 80
      - name: metrics
        port: 9090
    """

  /// `service`, then an Ingress whose only path's backend (line 22) is `backend`.
  static func ingress(_ backend: String, tls: String = "") -> String {
    """
    \(service)
    ---
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: {name: shop}
    spec:\(tls)
      rules:
      - host: shop.example.com
        http:
          paths:
          - path: /
            pathType: Prefix
            backend:
              service: \(backend)
    """
  }

  @Test func aBackendServiceThatDoesNotExist() throws {
    let findings = try Support.findings(
      rule, Self.ingress("{name: shpo, port: {number: 80}}"))
    #expect(
      RuleTestSupport.summary(findings) == [
        "22:27: Ingress/shop routes to Service/shpo, which environment 'test' neither renders nor lists as external; did you mean 'shop'?"
      ])
    let finding = try #require(findings.first)
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/example/ingress-shop.yaml at spec.rules[0].http.paths[0].backend.service.name",
        "Service/shop is rendered here",
      ])
    #expect(Support.position(finding.related.last?.location) == "example.yaml:3:18")
    #expect(
      finding.help
        == "fix the name, or, if something else creates it in the cluster, add `{kind: Service, name: shpo}` under `external:` in environments/test/environment.yaml"
    )
  }

  @Test func aPortNumberTheServiceDoesNotHave() throws {
    let findings = try Support.findings(
      rule, Self.ingress("{name: shop, port: {number: 8080}}"))
    #expect(
      RuleTestSupport.summary(findings) == [
        "22:48: Ingress/shop routes to port 8080 of Service/shop, which has no such port (it has 80 ('http'), 9090 ('metrics'))"
      ])
    #expect(findings.first?.related.last?.message == "the ports of Service/shop")
    #expect(Support.position(findings.first?.related.last?.location) == "example.yaml:6:3")
    #expect(findings.first?.help?.contains("not its targetPort") == true)
  }

  @Test func aMisspeltPortName() throws {
    let findings = try Support.findings(rule, Self.ingress("{name: shop, port: {name: htp}}"))
    #expect(
      findings.map(\.message) == [
        "Ingress/shop routes to port 'htp' of Service/shop, which has no such port; did you mean 'http'?"
      ])
    let unlike = try Support.findings(rule, Self.ingress("{name: shop, port: {name: grpc}}"))
    #expect(
      unlike.map(\.message) == [
        "Ingress/shop routes to port 'grpc' of Service/shop, which has no such port (it has 80 ('http'), 9090 ('metrics'))"
      ])
  }

  @Test(arguments: ["{name: shop, port: {number: 9090}}", "{name: shop, port: {name: metrics}}"])
  func portsThatExist(_ backend: String) throws {
    #expect(try Support.findings(rule, Self.ingress(backend)).isEmpty)
  }

  @Test func anExternalServiceResolvesWithoutAPortCheck() throws {
    let manifests = Self.ingress("{name: legacy, port: {number: 8443}}")
    #expect(try Support.findings(rule, manifests, external: ["Service/legacy"]).isEmpty)
    #expect(try Support.findings(rule, manifests).count == 1)
  }

  @Test func theDefaultBackendIsChecked() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: fallback}
      spec:
        defaultBackend:
          service: {name: not-found, port: {number: 80}}
      """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "6:21: Ingress/fallback routes to Service/not-found, which environment 'test' neither renders nor lists as external"
      ])
  }

  @Test func tlsSecretsResolveLikeOtherSecrets() throws {
    let tls = "\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls"
    let manifests = Self.ingress("{name: shop, port: {name: http}}", tls: tls)
    #expect(
      RuleTestSupport.summary(try Support.findings(rule, manifests)) == [
        "17:17: Ingress/shop takes its TLS certificate from Secret/shop-tls, which environment 'test' neither renders nor lists as external"
      ])
    #expect(try Support.findings(rule, manifests, external: ["Secret/shop-tls"]).isEmpty)
    // An external object of another kind is another object.
    #expect(try Support.findings(rule, manifests, external: ["ConfigMap/shop-tls"]).count == 1)
  }

  @Test func aServiceInAnotherNamespaceIsNamed() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Service
      metadata: {name: api, namespace: backend}
      spec:
        ports: [{name: http, port: 80}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: api}
      spec:
        defaultBackend: {service: {name: api, port: {number: 80}}}
      """)
    #expect(
      findings.map(\.message) == [
        "Ingress/api routes to Service/api, which is in namespace 'backend', not 'test'"
      ])
    #expect(findings.first?.related.last?.message == "Service/api is rendered here")
    #expect(Support.position(findings.first?.related.last?.location) == "example.yaml:3:18")
  }

  // MARK: HorizontalPodAutoscaler

  /// A Deployment, and an autoscaler whose `scaleTargetRef` (line 16) is `target`.
  static func autoscaler(_ target: String) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: checkout}
    spec:
      selector: {matchLabels: {app: checkout}}
      template:
        metadata: {labels: {app: checkout}}
        spec:
          containers: [{name: app, image: ghcr.io/acme/checkout:1.4.2}]
    ---
    apiVersion: autoscaling/v2
    kind: HorizontalPodAutoscaler
    metadata: {name: checkout}
    spec:
      maxReplicas: 4
      scaleTargetRef: \(target)
    """
  }

  @Test func anAutoscalerTargetThatDoesNotExist() throws {
    let findings = try Support.findings(
      rule, Self.autoscaler("{apiVersion: apps/v1, kind: Deployment, name: chekout}"))
    #expect(
      RuleTestSupport.summary(findings) == [
        "16:65: HorizontalPodAutoscaler/checkout scales Deployment/chekout, which environment 'test' neither renders nor lists as external; did you mean 'checkout'?"
      ])
  }

  @Test(arguments: [
    ("{apiVersion: apps/v1, kind: Deployment, name: checkout}", true),
    ("{kind: Deployment, name: checkout}", true),
    // The kind and the group are part of what the target names.
    ("{apiVersion: apps/v1, kind: StatefulSet, name: checkout}", false),
    ("{apiVersion: argoproj.io/v1alpha1, kind: Deployment, name: checkout}", false),
  ])
  func autoscalerTargets(_ target: String, resolves: Bool) throws {
    let findings = try Support.findings(rule, Self.autoscaler(target))
    #expect(findings.isEmpty == resolves, "\(findings.map(\.message))")
  }

  @Test func anExternalAutoscalerTargetResolves() throws {
    let manifests = Self.autoscaler("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}")
    #expect(try Support.findings(rule, manifests, external: ["Rollout/web"]).isEmpty)
    #expect(try Support.findings(rule, manifests).count == 1)
  }
}
