import TestSupport
import Testing

@testable import RenderKit

@Suite struct PlaintextSecretRuleTests {
  typealias Support = RuleTestSupport
  let rule = PlaintextSecretRule()

  @Test func reportsSecretDataAtTheDataWithoutQuotingIt() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      data:
        password: aHVudGVyMg==
      stringData:
        user: app
        host: db
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: empty}
      data: {}
      ---
      apiVersion: vault.example.com/v1
      kind: Secret
      metadata: {name: not-core}
      data: {path: kv/db}
      """)
    #expect(
      Support.summary(findings) == [
        "5:3: Secret/db has data in rendered output: anyone who can read the repository can read it",
        "7:3: Secret/db has stringData in rendered output: anyone who can read the repository can read them",
      ])
    #expect(
      findings.map { $0.related.first?.message ?? "" } == [
        "in rendered/test/example/secret-db.yaml at data",
        "in rendered/test/example/secret-db.yaml at stringData",
      ])
    #expect(!findings.contains { $0.message.contains("aHVudGVyMg") })
  }

  @Test func reportsEachSecretLookingVariableAtItsValue() throws {
    let findings = try Support.findings(
      rule,
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        template:
          spec:
            initContainers:
            - name: migrate
              image: a:1
              env:
              - {name: DB_PASSWORD, value: hunter2}
            containers:
            - name: app
              image: a:1
              env:
              - {name: LOG_LEVEL, value: info}
              - {name: githubToken, value: ghp_16C7e42F292c6912E7710c838347Ae178B4a}
              - {name: PASSWORD_FILE, value: /run/secrets/db}
      """)
    #expect(
      Support.summary(findings) == [
        "11:38: init container 'migrate' of Deployment/web sets 'DB_PASSWORD' to a literal value that looks like a secret",
        "17:38: container 'app' of Deployment/web sets 'githubToken' to a literal value that looks like a secret",
      ])
    #expect(!findings.contains { $0.message.contains("hunter2") })
    #expect(
      findings.last?.related.map(\.message) == [
        "in rendered/test/example/deployment-web.yaml at spec.template.spec.containers[0].env[1].value"
      ])
  }

  /// A value from service.yaml's `env:` is reported in service.yaml.
  @Test func pointsAtTheServiceFileThatSetTheValue() throws {
    let template = try #require(
      try YAMLParser.parse(
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: app
            image: a:1
            env:
            - {name: STRIPE_API_KEY, value: placeholder}
        """, file: "templates/web/pod.yaml", fileNames: testFiles
      ).first)
    let value = testFiles.location("services/web/service.yaml", line: 9, column: 21)
    let body = Support.replacing(
      Support.path("spec.containers.0.env.0.value"), with: .string("sk_live_abc", at: value),
      in: template)
    let findings = rule.check(Support.context([Support.rendered(body)]))
    #expect(findings.map(\.location) == [value])
  }

  @Test(arguments: [
    ("DB_PASSWORD", ["db", "password"]),
    ("stripeAPIKey", ["stripe", "api", "key"]),
    ("apiKey", ["api", "key"]),
    ("client-secret.v2", ["client", "secret", "v2"]),
    ("OAuth2Token", ["o", "auth2", "token"]),
    ("TOKENIZER", ["tokenizer"]),
  ])
  func splitsNamesIntoWords(_ name: String, words: [String]) {
    #expect(PlaintextSecretRule.words(of: name) == words)
  }

  @Test(arguments: [
    ("DB_PASSWORD", true), ("apiKey", true), ("stripeAPIKey", true), ("API_KEY", true),
    ("APIKEY", true), ("PRIVATE_KEY", true), ("privateKey", true), ("GITHUB_TOKEN", true),
    ("SECRET_KEY", true), ("AWS_SECRET_ACCESS_KEY", true), ("client-secret", true),
    ("GOOGLE_APPLICATION_CREDENTIALS_JSON", true), ("password", true),
    ("PASSWORD_FILE", false), ("TOKEN_TTL", false), ("SECRET_NAME", false),
    ("API_KEY_HEADER", false), ("MIN_PASSWORD_LENGTH", false), ("TOKENIZER", false),
    ("PASSWORDLESS_LOGIN", false), ("PUBLISHABLE_KEY", false), ("STRIPE_API_VERSION", false),
    ("KEY", false), ("SECRET_KEY_PATH", false),
  ])
  func recognisesSecretNames(_ name: String, secret: Bool) {
    #expect(PlaintextSecretRule.isSecretName(name) == secret)
  }

  /// The quick test before splitting a name into words: it may only rule out names no
  /// secret term could come from.
  @Test(arguments: [
    ("LOG_LEVEL", false), ("replicas", false), ("HTTP_PORT", false), ("", false),
    ("dbPassWord", true), ("X_TOKENS", true), ("monkey", true), ("SeCrEt", true),
    ("CREDENTIALS", true), ("pässword", true),
  ])
  func quickTestRulesOutOnlyNamesWithoutTerms(_ name: String, maybe: Bool) {
    #expect(PlaintextSecretRule.mayNameASecret(name) == maybe)
    if !maybe { #expect(!PlaintextSecretRule.isSecretName(name)) }
  }

  @Test(arguments: [
    (Node.string("hunter2"), true),
    (.string("correct horse battery staple"), true),
    (.string("postgres://app:hunter2@db:5432/shop"), true),
    (.string("/etc/my secret"), true),
    (.string(""), false),
    (.string("   "), false),
    (.string("3600"), false),
    (.scalar(.int(3600)), false),
    (.string("True"), false),
    (.scalar(.bool(false)), false),
    (.null(), false),
    (.string("$(DB_PASSWORD)"), false),
    (.string("postgres://app:$(DB_PASSWORD)@db:5432/shop"), false),
    (.string("https://auth.example.com/token"), false),
    (.string("https://robot@auth.example.com/token"), false),
    (.string("/run/secrets/db"), false),
    // A literal beside a reference is judged on its own.
    (.string("$(DB_USER):hunter2"), true),
    (.string("$(KEY_PREFIX)_4eC39HqLyjWDarjt"), true),
    (.string("postgres://$(DB_USER):hunter2@db:5432/shop"), true),
    (.string("Bearer $(API_TOKEN)"), false),
    (.string("$(DB_USER):$(DB_PASSWORD)"), false),
    (.string("$(PREFIX)-token"), false),
  ])
  func recognisesSecretValues(_ value: Node, secret: Bool) {
    #expect(PlaintextSecretRule.isSecretValue(value) == secret)
  }
}
