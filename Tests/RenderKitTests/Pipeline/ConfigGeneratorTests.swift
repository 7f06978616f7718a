import Testing

@testable import RenderKit

/// Content-hashed ConfigMaps and Secrets (`configMapGenerator`, `secretGenerator`):
/// data from literals and files, kustomize's name hash, per-environment `behavior`, and
/// references rewritten everywhere. Runs the whole pipeline on `CompilerTests.platform`.
@Suite struct ConfigGeneratorTests {
  private func compile(_ files: [String: String?]) async throws -> Compilation {
    try await CompilerTests.compile(files)
  }

  private func paths(_ compilation: Compilation, under prefix: String) -> [String] {
    compilation.tree.files.map(\.path).filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// A service whose Deployment names `app-config` and `app-secret` in every place a pod
  /// can, and a ServiceAccount pulling with the Secret.
  static let service: [String: String?] = [
    "templates/pod/template.yaml": "parameters: {}\n",
    "templates/pod/deployment.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
    spec:
      selector: {matchLabels: {app: api}}
      template:
        metadata: {labels: {app: api}}
        spec:
          imagePullSecrets: [{name: app-secret}]
          initContainers:
            - name: init
              image: busybox
              envFrom: [{configMapRef: {name: app-config}}]
          containers:
            - name: api
              image: ghcr.io/acme/api
              envFrom: [{configMapRef: {name: app-config}}, {secretRef: {name: app-secret}}]
              env:
                - {name: A, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}
                - {name: B, valueFrom: {secretKeyRef: {name: app-secret, key: PASSWORD}}}
                - {name: C, valueFrom: {configMapKeyRef: {name: unrelated, key: x}}}
          volumes:
            - {name: a, configMap: {name: app-config}}
            - {name: b, secret: {secretName: app-secret}}
            - name: c
              projected:
                sources: [{configMap: {name: app-config}}, {secret: {name: app-secret}}]
    """,
    "templates/pod/serviceaccount.yaml": """
    apiVersion: v1
    kind: ServiceAccount
    metadata: {name: api}
    imagePullSecrets: [{name: app-secret}]
    """,
    "services/api/service.yaml": """
    template: pod
    configMapGenerator:
      - name: app-config
        literals: {LOG_LEVEL: info, PORT: 8080}
        files: [app.properties, conf/nginx.conf]
    secretGenerator:
      - name: app-secret
        literals: [PASSWORD=s3cret]
    """,
    "services/api/app.properties": "a=1\nb=2\n",
    "services/api/conf/nginx.conf": "worker_processes 1;\n",
  ]

  @Test func aGeneratedConfigMapGetsKustomizesHashAndEveryReferenceFollows() async throws {
    let compilation = try await compile(Self.service)
    #expect(CompilerTests.findings(compilation) == [])
    // The same data through `kubectl kustomize` (5.5) gives these names.
    #expect(
      paths(compilation, under: "prod/api/") == [
        "prod/api/configmap-app-config-c692g9htck.yaml", "prod/api/deployment-api.yaml",
        "prod/api/secret-app-secret-k756ct962b.yaml", "prod/api/serviceaccount-api.yaml",
      ])
    let configMap =
      CompilerTests.body(compilation, "prod/api/configmap-app-config-c692g9htck.yaml") ?? ""
    #expect(
      configMap.contains(
        """
        data:
          LOG_LEVEL: info
          PORT: "8080"
          app.properties: |
            a=1
            b=2
          nginx.conf: |
            worker_processes 1;
        """))
    let secret = CompilerTests.body(compilation, "prod/api/secret-app-secret-k756ct962b.yaml") ?? ""
    #expect(secret.contains("PASSWORD: czNjcmV0"))
    #expect(secret.contains("type: Opaque"))
    let deployment = CompilerTests.body(compilation, "prod/api/deployment-api.yaml") ?? ""
    #expect(!deployment.contains("name: app-config\n"))
    #expect(!deployment.contains("name: app-secret\n"))
    #expect(!deployment.contains("secretName: app-secret\n"))
    #expect(deployment.components(separatedBy: "app-config-c692g9htck").count - 1 == 5)
    #expect(deployment.components(separatedBy: "app-secret-k756ct962b").count - 1 == 5)
    #expect(deployment.contains("name: unrelated"))
    let account = CompilerTests.body(compilation, "prod/api/serviceaccount-api.yaml") ?? ""
    #expect(account.contains("name: app-secret-k756ct962b"))
  }

  @Test func theHashMatchesKustomizesForEscapedText() {
    // `kubectl kustomize` (5.5) names this Secret s-45tg444cb8 and the ConfigMap with
    // literal A=b x-b9t2424hkf.
    let secret = Node.mapping([
      .init("kind", .string("Secret")), .init("metadata", .mapping([.init("name", .string("s"))])),
      .init("data", .mapping([.init("A", .string(Base64.encode(Array("x<y>&\u{2028}".utf8))))])),
      .init("type", .string("Opaque")),
    ])
    #expect(NameHashTransformer.hash(of: secret) == "45tg444cb8")
    let configMap = Node.mapping([
      .init("kind", .string("ConfigMap")), .init("data", .mapping([.init("A", .string("b"))])),
    ])
    #expect(NameHashTransformer.hash(of: configMap) == "b9t2424hkf")
  }

  @Test func onlyTheHashEscapesHTMLCharactersAsGoDoes() {
    #expect(JSONString.quoted("a<b>&\u{2028}") == "\"a<b>&\u{2028}\"")
    #expect(
      JSONString.quoted("a<b>&\u{2028}", escapingHTML: true) == #""a\u003cb\u003e\u0026\u2028""#)
  }

  @Test func overridesMergeOrReplaceTheDataAndTheNameFollowsTheContent() async throws {
    var files = Self.service
    files["environments/prod/api.yaml"] = """
      configMapGenerator:
        - name: app-config
          behavior: merge
          literals: {LOG_LEVEL: warn, EXTRA: "1"}
      secretGenerator:
        - name: app-secret
          behavior: replace
          files: [password]
          disableNameSuffixHash: true
      """
    files["environments/prod/password"] = "hunter2"
    let compilation = try await compile(files)
    #expect(CompilerTests.findings(compilation) == [])
    let prod = paths(compilation, under: "prod/api/")
    let dev = paths(compilation, under: "dev/api/")
    #expect(prod.contains("prod/api/secret-app-secret.yaml"))
    let prodConfig = try #require(prod.first { $0.contains("configmap-") })
    let devConfig = try #require(dev.first { $0.contains("configmap-") })
    #expect(prodConfig.dropFirst(4) != devConfig.dropFirst(3))
    let configMap = CompilerTests.body(compilation, prodConfig) ?? ""
    #expect(configMap.contains("LOG_LEVEL: warn"))
    #expect(configMap.contains("EXTRA: \"1\""))
    #expect(configMap.contains("app.properties"))
    let secret = CompilerTests.body(compilation, "prod/api/secret-app-secret.yaml") ?? ""
    #expect(secret.contains("password: aHVudGVyMg=="))
    #expect(!secret.contains("PASSWORD"))
    let deployment = CompilerTests.body(compilation, "prod/api/deployment-api.yaml") ?? ""
    #expect(deployment.contains("secretName: app-secret\n"))
  }

  @Test func aPatchOnTheGeneratedObjectChangesItsHash() async throws {
    var files = Self.service
    files["environments/prod/api.yaml"] = """
      patches:
        - target: {kind: ConfigMap, name: app-config}
          merge: {data: {LOG_LEVEL: debug}}
      """
    let compilation = try await compile(files)
    #expect(CompilerTests.findings(compilation) == [])
    let prod = paths(compilation, under: "prod/api/").first { $0.contains("configmap-") }
    #expect(prod != nil && prod != "prod/api/configmap-app-config-c692g9htck.yaml")
    #expect(
      paths(compilation, under: "dev/api/").contains("dev/api/configmap-app-config-c692g9htck.yaml")
    )
  }

  @Test func checksumAnnotationCoversTheReferencedObjects() async throws {
    var files = Self.service
    files["services/api/service.yaml"] = """
      template: pod
      checksumAnnotation: true
      configMapGenerator:
        - {name: app-config, literals: {LOG_LEVEL: info}, disableNameSuffixHash: true}
      secretGenerator:
        - {name: app-secret, literals: {PASSWORD: s3cret}, disableNameSuffixHash: true}
      """
    files["environments/prod/api.yaml"] = """
      configMapGenerator:
        - {name: app-config, behavior: merge, literals: {LOG_LEVEL: warn}}
      """
    let compilation = try await compile(files)
    #expect(CompilerTests.findings(compilation) == [])
    func checksum(_ path: String) -> String? {
      let body = CompilerTests.body(compilation, path) ?? ""
      return body.split(separator: "\n").first { $0.contains("checksum/config:") }.map(String.init)
    }
    let prod = try #require(checksum("prod/api/deployment-api.yaml"))
    let dev = try #require(checksum("dev/api/deployment-api.yaml"))
    #expect(prod != dev)
    #expect(checksum("prod/api/serviceaccount-api.yaml") == nil)
  }

  @Test func badDeclarationsAreReportedWhereTheyAreWritten() async throws {
    var files = Self.service
    files["services/api/service.yaml"] = """
      template: pod
      configMapGenerator:
        - name: App_Config
          literals: {"bad key": x, ratio: 1.5}
          files: [missing.txt, ../outside]
        - literals: {A: b}
        - name: twice
          behavior: merge
          literals: [NOEQUALS]
          file: [x]
      secretGenerator:
        - name: app-secret
          literals: {PASSWORD: a, PASSWORD2: b}
          type: Opaque
      """
    files["environments/prod/api.yaml"] = """
      configMapGenerator:
        - {name: twice, behavior: sometimes}
      """
    let compilation = try await compile(files)
    let findings = CompilerTests.findings(compilation)
    #expect(
      findings == [
        "environments/prod/api.yaml:2:29: 'behavior' must be one of create, merge, replace, not 'sometimes'",
        "services/api/service.yaml:3:11: ConfigMap name 'App_Config' is not a DNS-1123 subdomain",
        "services/api/service.yaml:4:27: 'bad key' is not a valid ConfigMap key",
        "services/api/service.yaml:4:37: literal 'ratio' in a 'configMapGenerator' entry in services/api/service.yaml must be a string, not a number (1.5)",
        "services/api/service.yaml:5:13: file 'services/api/missing.txt' does not exist",
        "services/api/service.yaml:5:26: '../outside' must be a file inside services/api/",
        "services/api/service.yaml:6:5: a 'configMapGenerator' entry in services/api/service.yaml is missing 'name'",
        "services/api/service.yaml:8:15: 'behavior: merge' needs an earlier layer: service.yaml's generators can only create",
        "services/api/service.yaml:9:16: a literal in a 'configMapGenerator' entry in services/api/service.yaml must be a string KEY=VALUE, not a string (\"NOEQUALS\")",
        "services/api/service.yaml:10:5: unknown key 'file' in a 'configMapGenerator' entry in services/api/service.yaml; did you mean 'files'?",
      ])
  }

  @Test func anOverrideMustSayHowItMeetsAnEarlierGenerator() async throws {
    var files = Self.service
    files["environments/prod/api.yaml"] = """
      secretGenerator:
        - name: app-secret
          literals: {X: y}
        - name: app-secrte
          behavior: merge
      """
    let compilation = try await compile(files)
    #expect(
      CompilerTests.findings(compilation) == [
        "environments/prod/api.yaml:2:11: Secret 'app-secret' is already generated; an override changes it with 'behavior: merge' or 'behavior: replace'",
        "environments/prod/api.yaml:5:15: 'behavior: merge' needs an earlier secretGenerator named 'app-secrte', and there is none; did you mean 'app-secret'?",
      ])
  }
}
