import TestSupport
import Testing

@testable import RenderKit

/// The ConfigMaps, Secrets and ServiceAccounts a pod spec needs exist.
@Suite struct ReferencesPodTests {
  typealias Support = EnvironmentRuleTestSupport
  let rule = ReferencesRule()

  /// A Deployment whose pod spec (from line 9) is `spec`, written at the left margin.
  static func deployment(_ spec: String) -> String {
    let indented = spec.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
    return """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
      \(indented)
      """
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var spec: String
    var message: String
    var field: String
    var testDescription: String { field }
  }

  static let cases: [Case] = [
    Case(
      spec: """
        containers:
        - name: app
          image: nginx:1.27.0
          env:
          - name: DATABASE_URL
            valueFrom: {secretKeyRef: {name: db, key: url}}
        """,
      message: "Deployment/web reads Secret/db",
      field: "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name"),
    Case(
      spec: """
        initContainers:
        - name: migrate
          image: nginx:1.27.0
          env:
          - name: MODE
            valueFrom: {configMapKeyRef: {name: settings, key: mode}}
        containers: [{name: app, image: nginx:1.27.0}]
        """,
      message: "Deployment/web reads ConfigMap/settings",
      field: "spec.template.spec.initContainers[0].env[0].valueFrom.configMapKeyRef.name"),
    Case(
      spec: """
        containers:
        - name: app
          image: nginx:1.27.0
          envFrom: [{prefix: X_, configMapRef: {name: settings}}]
        """,
      message: "Deployment/web reads ConfigMap/settings",
      field: "spec.template.spec.containers[0].envFrom[0].configMapRef.name"),
    Case(
      spec: """
        containers:
        - name: app
          image: nginx:1.27.0
          envFrom: [{secretRef: {name: db}}]
        """,
      message: "Deployment/web reads Secret/db",
      field: "spec.template.spec.containers[0].envFrom[0].secretRef.name"),
    Case(
      spec: """
        containers: [{name: app, image: nginx:1.27.0}]
        volumes:
        - name: config
          configMap: {name: settings}
        """,
      message: "Deployment/web mounts ConfigMap/settings",
      field: "spec.template.spec.volumes[0].configMap.name"),
    Case(
      spec: """
        containers: [{name: app, image: nginx:1.27.0}]
        volumes:
        - name: certs
          secret: {secretName: db}
        """,
      message: "Deployment/web mounts Secret/db",
      field: "spec.template.spec.volumes[0].secret.secretName"),
    Case(
      spec: """
        containers: [{name: app, image: nginx:1.27.0}]
        volumes:
        - name: all
          projected:
            sources:
            - serviceAccountToken: {path: token}
            - configMap: {name: settings}
        """,
      message: "Deployment/web mounts ConfigMap/settings",
      field: "spec.template.spec.volumes[0].projected.sources[1].configMap.name"),
    Case(
      spec: """
        containers: [{name: app, image: nginx:1.27.0}]
        volumes:
        - name: all
          projected:
            sources: [{secret: {name: db}}]
        """,
      message: "Deployment/web mounts Secret/db",
      field: "spec.template.spec.volumes[0].projected.sources[0].secret.name"),
    Case(
      spec: """
        imagePullSecrets: [{name: db}]
        containers: [{name: app, image: nginx:1.27.0}]
        """,
      message: "Deployment/web pulls images with Secret/db",
      field: "spec.template.spec.imagePullSecrets[0].name"),
    Case(
      spec: """
        serviceAccountName: web
        containers: [{name: app, image: nginx:1.27.0}]
        """,
      message: "Deployment/web runs as ServiceAccount/web",
      field: "spec.template.spec.serviceAccountName"),
  ]

  @Test(arguments: cases)
  func eachKindOfReferenceIsFoundAndReportedAtItsName(_ reference: Case) throws {
    let findings = try Support.findings(rule, Self.deployment(reference.spec))
    #expect(
      findings.map(\.message) == [
        reference.message + ", which environment 'test' neither renders nor lists as external"
      ])
    #expect(
      findings.first?.related.first?.message
        == "in rendered/test/example/deployment-web.yaml at \(reference.field)")
    let object = reference.message.split(separator: " ").last ?? ""
    let parts = object.split(separator: "/")
    #expect(
      findings.first?.help
        == "fix the name, or, if something else creates it in the cluster, add `{kind: \(parts[0]), name: \(parts[1])}` under `external:` in environments/test/environment.yaml"
    )
  }

  @Test(arguments: cases)
  func eachResolvesThroughExternal(_ reference: Case) throws {
    let external = ["Secret/db", "ConfigMap/settings", "ServiceAccount/web"]
    #expect(try Support.findings(rule, Self.deployment(reference.spec), external: external).isEmpty)
  }

  @Test(arguments: cases)
  func eachResolvesThroughARenderedObjectInTheNamespace(_ reference: Case) throws {
    let objects = """
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: web}
      ---

      """
    #expect(try Support.findings(rule, objects + Self.deployment(reference.spec)).isEmpty)
    let elsewhere = objects.replacing("}\n", with: ", namespace: other}\n")
    let findings = try Support.findings(rule, elsewhere + Self.deployment(reference.spec))
    #expect(
      findings.map(\.message) == [
        reference.message + ", which is in namespace 'other', not 'test'"
      ])
  }

  @Test func theLocationIsTheReferencingValue() throws {
    let findings = try Support.findings(rule, Self.deployment(Self.cases[0].spec))
    #expect(RuleTestSupport.summary(findings).first?.hasPrefix("14:44: ") == true)
  }

  @Test(arguments: [
    "env: [{name: A, valueFrom: {secretKeyRef: {name: db, key: a, optional: true}}}]",
    "env: [{name: A, valueFrom: {configMapKeyRef: {name: settings, key: a, optional: true}}}]",
    "envFrom: [{configMapRef: {name: settings, optional: true}}]",
    "envFrom: [{secretRef: {name: db, optional: true}}]",
  ])
  func optionalContainerReferencesAreSkipped(_ line: String) throws {
    let spec = """
      containers:
      - name: app
        image: nginx:1.27.0
        \(line)
      """
    #expect(try Support.findings(rule, Self.deployment(spec)).isEmpty)
    let required = spec.replacing("optional: true", with: "optional: false")
    #expect(try Support.findings(rule, Self.deployment(required)).count == 1)
  }

  @Test(arguments: [
    "configMap: {name: settings, optional: true}",
    "secret: {secretName: db, optional: true}",
    "projected: {sources: [{configMap: {name: settings, optional: true}}]}",
    "projected: {sources: [{secret: {name: db, optional: true}}]}",
  ])
  func optionalVolumesAreSkipped(_ source: String) throws {
    let spec = """
      containers: [{name: app, image: nginx:1.27.0}]
      volumes:
      - name: data
        \(source)
      """
    #expect(try Support.findings(rule, Self.deployment(spec)).isEmpty)
    let required = spec.replacing(", optional: true", with: "")
    #expect(try Support.findings(rule, Self.deployment(required)).count == 1)
  }

  @Test func theDefaultServiceAccountNeedsNoObject() throws {
    let spec = """
      serviceAccountName: default
      containers: [{name: app, image: nginx:1.27.0}]
      """
    #expect(try Support.findings(rule, Self.deployment(spec)).isEmpty)
  }

  @Test func didYouMeanLooksAtRenderedAndExternalNamesOfTheKind() throws {
    let spec = """
      containers:
      - name: app
        image: nginx:1.27.0
        env:
        - name: A
          valueFrom: {secretKeyRef: {name: orders-db, key: url}}
        - name: B
          valueFrom: {secretKeyRef: {name: stirpe, key: api-key}}
      """
    // A ConfigMap is no candidate for a Secret, however close its name.
    let manifests =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: orders-db}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: order-db}
      ---

      """ + Self.deployment(spec)
    let findings = try Support.findings(rule, manifests, external: ["Secret/stripe"])
    #expect(
      findings.map(\.message) == [
        "Deployment/web reads Secret/orders-db, which environment 'test' neither renders nor lists as external; did you mean 'order-db'?",
        "Deployment/web reads Secret/stirpe, which environment 'test' neither renders nor lists as external; did you mean 'stripe'?",
      ])
    #expect(findings.first?.related.last?.message == "Secret/order-db is rendered here")
    #expect(Support.position(findings.first?.related.last?.location) == "example.yaml:7:18")
    #expect(findings.last?.related.last?.message == "Secret/stripe is listed under external: here")
    #expect(
      Support.position(findings.last?.related.last?.location)
        == "environments/test/environment.yaml:1:1")
  }

  // MARK: Keys

  /// A ConfigMap and a Secret with data; the Deployment starts at line 15.
  static let settings = """
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
    data:
      LOG_LEVEL: info
    binaryData:
      logo.png: aGVsbG8=
    ---
    apiVersion: v1
    kind: Secret
    metadata: {name: db}
    stringData:
      url: postgres://db
    ---

    """

  @Test func aKeyTheRenderedObjectLacks() throws {
    let spec = """
      containers:
      - name: app
        image: nginx:1.27.0
        env:
        - name: LOG_LEVEL
          valueFrom: {configMapKeyRef: {name: settings, key: LOG_LEVL}}
        - name: DATABASE_URL
          valueFrom: {secretKeyRef: {name: db, key: url}}
      """
    let findings = try Support.findings(rule, Self.settings + Self.deployment(spec))
    #expect(
      RuleTestSupport.summary(findings) == [
        "28:62: Deployment/web reads key 'LOG_LEVL' of ConfigMap/settings, which has no such key; did you mean 'LOG_LEVEL'?"
      ])
    #expect(findings.first?.related.last?.message == "the keys of ConfigMap/settings")
    #expect(Support.position(findings.first?.related.last?.location) == "example.yaml:5:3")
    #expect(findings.first?.help?.contains("optional: true") == true)
  }

  @Test func volumeItemsAreKeysToo() throws {
    let spec = """
      containers: [{name: app, image: nginx:1.27.0}]
      volumes:
      - name: assets
        configMap:
          name: settings
          items: [{key: LOG_LEVEL, path: level}, {key: logo.pgn, path: logo.png}]
      """
    let findings = try Support.findings(rule, Self.settings + Self.deployment(spec))
    #expect(
      findings.map(\.message) == [
        "Deployment/web reads key 'logo.pgn' of ConfigMap/settings, which has no such key; did you mean 'logo.png'?"
      ])
    #expect(
      findings.first?.related.first?.message
        == "in rendered/test/example/deployment-web.yaml at spec.template.spec.volumes[0].configMap.items[1].key"
    )
  }

  @Test func objectsWithoutDataAndExternalObjectsAreNotKeyChecked() throws {
    let spec = """
      containers:
      - name: app
        image: nginx:1.27.0
        env:
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: filled-by-controller, key: token}}
        - name: URL
          valueFrom: {secretKeyRef: {name: external, key: anything}}
      """
    let manifests =
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: filled-by-controller}
      type: kubernetes.io/service-account-token
      ---

      """ + Self.deployment(spec)
    #expect(try Support.findings(rule, manifests, external: ["Secret/external"]).isEmpty)
  }
}
