import Testing

@testable import RenderKit

/// Services and PodDisruptionBudgets select the pods of some workload.
@Suite struct ReferencesSelectorTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = ReferencesRule()

  /// A Deployment whose pods carry three labels; lines 1 to 13.
  static let checkout = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: checkout}
    spec:
      selector: {matchLabels: {app.kubernetes.io/name: checkout}}
      template:
        metadata:
          labels:
            app.kubernetes.io/name: checkout
            tier: web
            track: stable
        spec:
          containers: [{name: app, image: ghcr.io/acme/checkout:1.4.2}]
    """

  @Test func aMisspeltSelectorValueNamesBothEndsAndTheNearMatch() throws {
    let findings = try Support.findings(
      rule,
      Self.checkout + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: checkout}
        spec:
          selector:
            app.kubernetes.io/name: checkot
        """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "20:29: Service/checkout selects app.kubernetes.io/name=checkot, which no workload's pods carry; did you mean 'checkout'?"
      ])
    let finding = try #require(findings.first)
    #expect(finding.rule == "references")
    #expect(
      finding.related.map(\.message) == [
        "in rendered/test/example/service-checkout.yaml at spec.selector[\"app.kubernetes.io/name\"]",
        "the pods of Deployment/checkout carry app.kubernetes.io/name=checkout",
      ])
    #expect(Support.position(finding.related.last?.location) == "example.yaml:9:33")
    #expect(finding.help?.contains("has no endpoints") == true)
  }

  @Test func aMisspeltKeySuggestsTheKey() throws {
    let findings = try Support.findings(
      rule,
      Self.checkout + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: checkout}
        spec:
          selector: {app.kubernetes.io/nmae: checkout}
        """)
    #expect(
      findings.map(\.message) == [
        "Service/checkout selects app.kubernetes.io/nmae=checkout, which no workload's pods carry; did you mean 'app.kubernetes.io/name'?"
      ])
  }

  @Test func termsThatMatchOnlySeparatelyPointAtTheSelectorAndTheClosestWorkload() throws {
    let findings = try Support.findings(
      rule,
      Self.checkout + """

        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: checkout-canary}
        spec:
          selector: {matchLabels: {app.kubernetes.io/name: checkout-canary}}
          template:
            metadata: {labels: {app.kubernetes.io/name: checkout-canary, track: canary}}
            spec:
              containers: [{name: app, image: ghcr.io/acme/checkout:1.5.0}]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: checkout-canary}
        spec:
          selector: {app.kubernetes.io/name: checkout, track: canary}
        """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "29:13: Service/checkout-canary selects app.kubernetes.io/name=checkout, track=canary, which no workload's pods carry together"
      ])
    #expect(
      findings.first?.related.last?.message
        == "the pods of Deployment/checkout do not match track=canary")
    #expect(Support.position(findings.first?.related.last?.location) == "example.yaml:9:9")
  }

  @Test func podsInAnotherNamespaceDoNotCount() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, namespace: data}
      spec:
        serviceName: db
        selector: {matchLabels: {app: db}}
        template:
          metadata: {labels: {app: db}}
          spec:
            containers: [{name: db, image: postgres:16.3}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: db}
      spec:
        selector: {app: db}
      """)
    #expect(
      findings.map(\.message) == ["Service/db selects app=db, which no workload's pods carry"])
  }

  @Test(arguments: [
    "selector: {}",
    "type: ExternalName\n  externalName: db.example.com",
    "selector: {app: web}",
    "selector: {app: cron}",
  ])
  func servicesThatResolve(_ spec: String) throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
      spec:
        containers: [{name: web, image: nginx:1.27.0}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: cron}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              metadata: {labels: {app: cron}}
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: svc}
      spec:
        \(spec)
      """)
    #expect(findings.isEmpty, "\(findings.map(\.message))")
  }

  @Test func aSelectorOfAPodKindThatIsNotRenderedMatchesNothing() throws {
    // The same selector as a test above, with the CronJob gone: the test can fail.
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Service
      metadata: {name: svc}
      spec:
        selector: {app: cron}
      """)
    #expect(
      findings.map(\.message) == ["Service/svc selects app=cron, which no workload's pods carry"])
  }

  // MARK: PodDisruptionBudget

  /// A budget without a selector (lines 15 to 19 after `checkout` and `---`).
  static let budget = """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: checkout}
    spec:
      minAvailable: 1

    """

  @Test(arguments: [
    ("matchLabels: {tier: web}", true),
    ("matchLabels: {tier: api}", false),
    ("matchExpressions: [{key: tier, operator: In, values: [api, web]}]", true),
    ("matchExpressions: [{key: tier, operator: In, values: [api, batch]}]", false),
    ("matchExpressions: [{key: track, operator: NotIn, values: [canary]}]", true),
    ("matchExpressions: [{key: track, operator: NotIn, values: [stable]}]", false),
    ("matchExpressions: [{key: tier, operator: Exists}]", true),
    ("matchExpressions: [{key: zone, operator: Exists}]", false),
    ("matchExpressions: [{key: legacy, operator: DoesNotExist}]", true),
    ("matchExpressions: [{key: tier, operator: DoesNotExist}]", false),
    // Both parts must hold for one workload's pods.
    (
      "matchLabels: {tier: web}\n    matchExpressions: [{key: track, operator: In, values: [stable]}]",
      true
    ),
    (
      "matchLabels: {tier: web}\n    matchExpressions: [{key: track, operator: In, values: [canary]}]",
      false
    ),
  ])
  func budgetSelectors(_ selector: String, matches: Bool) throws {
    let findings = try Support.findings(
      rule, Self.checkout + "\n---\n" + Self.budget + "  selector:\n    \(selector)\n")
    #expect(findings.isEmpty == matches, "\(findings.map(\.message))")
  }

  @Test func aBudgetExpressionThatMatchesNothingIsReportedAtTheExpression() throws {
    let findings = try Support.findings(
      rule,
      Self.checkout + "\n---\n" + Self.budget + """
          selector:
            matchExpressions:
            - {key: tier, operator: In, values: [api, batch]}
        """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "22:7: PodDisruptionBudget/checkout selects tier in (api, batch), which no workload's pods carry"
      ])
    #expect(findings.first?.help?.contains("protects nothing") == true)
  }

  @Test(arguments: [
    ("{key: tier, operator: DoesNotExist}", "!tier"),
    ("{key: track, operator: NotIn, values: [stable, canary]}", "track notin (stable, canary)"),
  ])
  func aNegativeTermNoPodMatchesIsReportedAtItself(_ expression: String, text: String) throws {
    let findings = try Support.findings(
      rule,
      Self.checkout + "\n---\n" + Self.budget + """
          selector:
            matchLabels: {tier: web}
            matchExpressions: [\(expression)]
        """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "22:24: PodDisruptionBudget/checkout selects \(text), which no workload's pods match"
      ])
  }

  @Test func aBudgetWithoutSelectorProtectsNothing() throws {
    let findings = try Support.findings(rule, Self.checkout + "\n---\n" + Self.budget)
    #expect(
      RuleTestSupport.summary(findings) == [
        "19:3: PodDisruptionBudget/checkout has no selector, so it protects no pods"
      ])
  }

  @Test func anEmptyBudgetSelectorNeedsSomePodsInTheNamespace() throws {
    let empty = Self.budget + "  selector: {}\n"
    #expect(try Support.findings(rule, Self.checkout + "\n---\n" + empty).isEmpty)
    #expect(
      try Support.findings(rule, empty).map(\.message) == [
        "PodDisruptionBudget/checkout selects every pod of its namespace, and no workload runs pods there"
      ])
  }
}

/// NetworkPolicies select the pods they restrict.
@Suite struct ReferencesNetworkPolicyTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = ReferencesRule()

  @Test func aPodSelectorThatMatchesNoPodsSuggestsTheNearLabel() throws {
    let findings = try Support.findings(
      rule,
      ReferencesSelectorTests.checkout + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: checkout}
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: checkuot}
          policyTypes: [Ingress]
        """)
    #expect(
      RuleTestSupport.summary(findings) == [
        "20:43: NetworkPolicy/checkout selects app.kubernetes.io/name=checkuot, which no workload's pods carry; did you mean 'checkout'?"
      ])
    #expect(findings.first?.help?.contains("restricts nothing") == true)
  }

  @Test func anEmptyOrMatchingPodSelectorPasses() throws {
    let findings = try Support.findings(
      rule,
      ReferencesSelectorTests.checkout + """

        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny-all}
        spec: {podSelector: {}}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web}
        spec:
          podSelector:
            matchExpressions: [{key: tier, operator: In, values: [web]}]
        """)
    #expect(findings.isEmpty)
  }
}
