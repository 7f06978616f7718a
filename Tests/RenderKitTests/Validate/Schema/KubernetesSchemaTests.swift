import TestSupport
import Testing

@testable import RenderKit

/// Validation of built-in kinds against the bundled Kubernetes 1.31 schemas.
@Suite struct KubernetesSchemaTests {
  typealias Support = SchemaTestSupport

  struct Manifest: CustomTestStringConvertible, Sendable {
    var kind: String
    var yaml: String
    var testDescription: String { kind }
  }

  static let validManifests: [Manifest] = [
    Manifest(
      kind: "Deployment",
      yaml: """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: checkout
          namespace: shop
          labels: {app.kubernetes.io/name: checkout}
          annotations: {render.dev/source: services/checkout}
          creationTimestamp: null
        spec:
          replicas: 3
          selector:
            matchLabels: {app.kubernetes.io/name: checkout}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          template:
            metadata:
              labels: {app.kubernetes.io/name: checkout}
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 10001}
              initContainers:
              - name: migrate
                image: registry.example.com/checkout-migrate:1.4.2
                command: [/migrate, up]
              containers:
              - name: app
                image: registry.example.com/checkout:1.4.2
                imagePullPolicy: IfNotPresent
                ports:
                - {name: http, containerPort: 8080, protocol: TCP}
                env:
                - {name: LOG_LEVEL, value: info}
                - name: DB_PASSWORD
                  valueFrom: {secretKeyRef: {name: checkout-db, key: password}}
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {cpu: 1, memory: 0.5Gi}
                readinessProbe:
                  httpGet: {path: /ready, port: http}
                livenessProbe:
                  tcpSocket: {port: 8080}
                  initialDelaySeconds: 10
                securityContext:
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                volumeMounts:
                - {name: config, mountPath: /etc/checkout, readOnly: true}
              volumes:
              - name: config
                configMap: {name: checkout-config}
              tolerations:
              - {key: dedicated, operator: Equal, value: shop, effect: NoSchedule}
        """),
    Manifest(
      kind: "Service",
      yaml: """
        apiVersion: v1
        kind: Service
        metadata: {name: checkout, namespace: shop}
        spec:
          type: ClusterIP
          selector: {app.kubernetes.io/name: checkout}
          ports:
          - {name: http, port: 80, targetPort: http, protocol: TCP}
          - {name: grpc, port: 9000, targetPort: 9000}
        """),
    Manifest(
      kind: "Ingress",
      yaml: """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: checkout
          annotations: {nginx.ingress.kubernetes.io/proxy-body-size: 8m}
        spec:
          ingressClassName: nginx
          tls:
          - hosts: [shop.example.com]
            secretName: shop-tls
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /checkout
                pathType: Prefix
                backend:
                  service: {name: checkout, port: {name: http}}
              - path: /api
                pathType: Prefix
                backend:
                  service: {name: checkout, port: {number: 80}}
        """),
    Manifest(
      kind: "CronJob",
      yaml: """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly-report}
        spec:
          schedule: "0 3 * * *"
          concurrencyPolicy: Forbid
          successfulJobsHistoryLimit: 3
          jobTemplate:
            spec:
              backoffLimit: 2
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: report
                    image: registry.example.com/report:2.0.0
                    args: [--since, 24h]
        """),
    Manifest(
      kind: "HorizontalPodAutoscaler",
      yaml: """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: checkout}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 70}
          - type: Resource
            resource:
              name: memory
              target: {type: AverageValue, averageValue: 500Mi}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 300
              policies: [{type: Percent, value: 50, periodSeconds: 60}]
        """),
    Manifest(
      kind: "NetworkPolicy",
      yaml: """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: checkout}
        spec:
          podSelector:
            matchLabels: {app.kubernetes.io/name: checkout}
          policyTypes: [Ingress, Egress]
          ingress:
          - from:
            - namespaceSelector:
                matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
            - podSelector:
                matchExpressions:
                - {key: role, operator: In, values: [frontend]}
            ports:
            - {protocol: TCP, port: http}
            - {protocol: TCP, port: 8080, endPort: 8090}
          egress:
          - to:
            - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
        """),
    Manifest(
      kind: "ConfigMap",
      yaml: """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: checkout-config}
        data:
          LOG_LEVEL: info
          config.yaml: |
            listen: :8080
        binaryData:
          logo.png: iVBORw0KGgo=
        immutable: false
        """),
    Manifest(
      kind: "Secret",
      yaml: """
        apiVersion: v1
        kind: Secret
        metadata: {name: checkout-db}
        type: Opaque
        data:
          password: aHVudGVyMg==
        stringData:
          user: checkout
        """),
    Manifest(
      kind: "PodDisruptionBudget",
      yaml: """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: checkout}
        spec:
          minAvailable: 50%
          selector:
            matchLabels: {app.kubernetes.io/name: checkout}
        """),
  ]

  @Test(arguments: validManifests)
  func validManifestPasses(_ manifest: Manifest) throws {
    let schema = bundledSchema
    let resource = try Support.resource(manifest.yaml)
    #expect(schema.hasSchema(apiVersion: resource.apiVersion, kind: resource.kind))
    #expect(Support.summary(schema.validate(resource, renderedPath: Support.renderedPath)) == [])
  }

  /// The counterpart of `validManifestPasses`: each of those kinds is really checked, so
  /// an empty result above means valid, not unvalidated.
  @Test(arguments: validManifests)
  func unknownTopLevelFieldInValidManifestIsCaught(_ manifest: Manifest) throws {
    let findings = try Support.findings(manifest.yaml + "\nspecc: {}\n")
    #expect(findings.count == 1)
    #expect(findings.first?.message.hasPrefix("unknown field 'specc' in \(manifest.kind)") == true)
  }

  @Test func bundleCoversKubernetes131Kinds() throws {
    let schema = bundledSchema
    #expect(schema.kubernetesVersion == "1.31.0")
    #expect(schema.hasSchema(apiVersion: "apps/v1", kind: "StatefulSet"))
    #expect(schema.hasSchema(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole"))
    #expect(
      schema.hasSchema(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition"))
    #expect(schema.hasSchema(apiVersion: "resource.k8s.io/v1alpha3", kind: "ResourceClaim"))
    // Removed before 1.31 / never existed.
    #expect(!schema.hasSchema(apiVersion: "extensions/v1beta1", kind: "Ingress"))
    #expect(!schema.hasSchema(apiVersion: "policy/v1beta1", kind: "PodSecurityPolicy"))
    #expect(!schema.hasSchema(apiVersion: "apps/v1", kind: "Service"))
    #expect(try Support.findings("apiVersion: example.com/v1\nkind: Widget\nspecc: 1\n").isEmpty)
  }

  /// The bundled definitions compile when first used, and problems found then go
  /// unreported: this compiles every one, as a schema folder's definitions are.
  @Test func everyBundledDefinitionCompiles() throws {
    let schema = try KubernetesSchema.load(
      definitions: KubernetesSchemaBundle.json, file: "bundle.json", fileNames: testFiles,
      compile: .eagerly)
    #expect(schema.kubernetesVersion == "1.31.0")
    #expect(schema.hasSchema(apiVersion: "apps/v1", kind: "Deployment"))
  }

  /// Compiled on first use from several threads at once, every kind validates as it
  /// does alone.
  @Test func concurrentFirstUseGivesTheSameFindings() async throws {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspecc: 1\n"
    let resource = try Support.resource(text)
    let schema = try KubernetesSchema.load(
      definitions: KubernetesSchemaBundle.json, file: "bundle.json", fileNames: testFiles,
      compile: .onFirstUse)
    let messages = await withTaskGroup(of: [String].self) { group in
      for _ in 0..<8 {
        group.addTask { schema.validate(resource, renderedPath: "r.yaml").map(\.message) }
      }
      var all: [[String]] = []
      for await found in group { all.append(found) }
      return all
    }
    #expect(messages.count == 8)
    #expect(Set(messages).count == 1)
    #expect(messages.first?.first?.hasPrefix("unknown field 'specc' in Deployment") == true)
  }

  // MARK: Unknown fields

  @Test func unknownFieldPointsAtItsKeyWithDidYouMean() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: checkout}
      spec:
        selector: {matchLabels: {app: checkout}}
        template:
          spec:
            containers:
            - name: app
              image: checkout:1.0
              imagePullPolicyy: Always
      """)
    let finding = try #require(findings.first)
    #expect(findings.count == 1)
    #expect(
      finding.message
        == "unknown field 'imagePullPolicyy' in Container; did you mean 'imagePullPolicy'?")
    #expect(finding.rule == "schema")
    #expect(finding.severity == .error)
    #expect(finding.location == testFiles.location("template.yaml", line: 11, column: 9))
    #expect(
      finding.related.map(\.message) == [
        "in rendered/prod/checkout/resource.yaml at spec.template.spec.containers[0].imagePullPolicyy"
      ])
  }

  @Test func unknownFieldWithoutNearMatchHasNoSuggestion() throws {
    let findings = try Support.findings(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, owner: team-a}\n")
    #expect(Support.summary(findings) == ["3:21: unknown field 'owner' in ObjectMeta"])
  }

  // MARK: Types

  @Test func quotedIntegerIsAWrongTypeWithHelp() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: checkout}
      spec:
        replicas: "3"
        selector: {matchLabels: {app: checkout}}
        template: {spec: {containers: [{name: app}]}}
      """)
    let finding = try #require(findings.first)
    #expect(
      Support.summary(findings) == [#"5:13: 'replicas' must be an integer, not a string"#])
    #expect(finding.help == "remove the quotes to write an integer")
    #expect(
      finding.related.map(\.message) == ["in rendered/prod/checkout/resource.yaml at spec.replicas"]
    )
  }

  @Test func numberWhereAStringBelongsAsksForQuotes() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: versions
        labels: {version: 1.5, enabled: true}
      data: {port: 8080}
      """)
    #expect(
      Support.summary(findings) == [
        "5:21: 'version' must be a string, not a number (1.5)",
        "5:35: 'enabled' must be a string, not a boolean (true)",
        "6:14: 'port' must be a string, not an integer (8080)",
      ])
    #expect(findings.allSatisfy { $0.help == "quote the value to keep it a string" })
    #expect(
      findings.first?.related.map(\.message) == [
        #"in rendered/prod/checkout/resource.yaml at metadata.labels.version"#
      ])
  }

  /// JSON Schema and kubectl take `2.0` as the integer 2 (issue 10); `2.5` is no integer.
  @Test func onlyAFractionalFloatIsNotAnInteger() throws {
    let findings = try Support.findings(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: 2.5\n"
        + "  selector: {}\n  template: {}\n")
    #expect(
      Support.summary(findings) == ["5:13: 'replicas' must be an integer, not a number (2.5)"])
  }

  @Test func integerIsAValidNumber() throws {
    // `value` of a HPA... and Quantity both accept numbers; an integer node is a number.
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: LimitRange
      metadata: {name: limits}
      spec:
        limits:
        - type: Container
          max: {cpu: 2, memory: 1Gi}
          maxLimitRequestRatio: {cpu: 1.5}
      """)
    #expect(findings.isEmpty)
  }

  @Test func wrongShapesNameExpectedAndActualTypes() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        selector: {matchLabels: {app: x}}
        template:
          spec:
            containers:
              name: app
            volumes: [config]
            nodeSelector: [pool]
      """)
    #expect(
      Support.summary(findings) == [
        "9:9: 'containers' must be a list, not a mapping",
        #"10:17: 'volumes[0]' must be a mapping, not a string ("config")"#,
        "11:21: 'nodeSelector' must be a mapping, not a list",
      ])
  }

  @Test func nullIsAcceptedWhereTheSchemaAllowsIt() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x, labels: null, creationTimestamp: null}
      spec:
        selector: {matchLabels: {app: x}}
        template:
          spec:
            containers: null
      """)
    #expect(Support.summary(findings) == ["8:19: 'containers' must be a list, not null"])
  }

  @Test func yamlOneOneBooleansGetAHint() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        paused: yes
        selector: {}
        template: {}
      """)
    #expect(
      Support.summary(findings) == [
        "5:11: 'paused': 'yes' is the boolean true to YAML 1.1 readers such as kubectl, but the string 'yes' to YAML 1.2"
      ])
    #expect(findings.first?.help == "write true for the boolean, or quote 'yes' for the string")
  }

  // MARK: Required fields

  @Test func missingRequiredFieldPointsAtTheMapping() throws {
    let findings = try Support.findings(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        template:
          spec:
            containers:
            - name: app
              image: app:1
            - image: sidecar:1
              ports: [{name: http}]
      """)
    #expect(
      Support.summary(findings) == [
        "5:3: missing required field 'selector' in DeploymentSpec",
        "10:9: missing required field 'name' in Container",
        "11:17: missing required field 'containerPort' in ContainerPort",
      ])
    #expect(
      findings.map { $0.related.map(\.message) } == [
        ["in rendered/prod/checkout/resource.yaml at spec.selector"],
        ["in rendered/prod/checkout/resource.yaml at spec.template.spec.containers[1].name"],
        [
          "in rendered/prod/checkout/resource.yaml at spec.template.spec.containers[1].ports[0].containerPort"
        ],
      ])
  }

  // MARK: int-or-string

  @Test func intOrStringAcceptsBoth() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: Service
      metadata: {name: x}
      spec:
        ports:
        - {port: 80, targetPort: 8080}
        - {port: 81, targetPort: http}
      """)
    #expect(findings.isEmpty)
  }

  @Test func intOrStringRejectsOtherTypes() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: Service
      metadata: {name: x}
      spec:
        ports:
        - {port: 80, targetPort: 80.5}
        - {port: 81, targetPort: [http]}
        - {port: "82"}
      """)
    #expect(
      Support.summary(findings) == [
        "6:28: 'targetPort' must be an integer or a string, not a number (80.5)",
        "7:28: 'targetPort' must be an integer or a string, not a list",
        "8:12: 'port' must be an integer, not a string",
      ])
  }

  // MARK: Nested references

  @Test func errorsDeepInReferencedDefinitionsCarryFullPaths() throws {
    let findings = try Support.findings(
      """
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: report}
      spec:
        schedule: "@daily"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: report
                  env:
                  - name: TOKEN
                    valueFrom:
                      secretKeyRef: {nme: token, key: value}
                  readinessProbe:
                    httpGet: {port: 8080, path: 3}
      """)
    #expect(
      Support.summary(findings) == [
        "16:32: unknown field 'nme' in SecretKeySelector; did you mean 'name'?",
        "18:43: 'path' must be a string, not an integer (3)",
      ])
    #expect(
      findings.flatMap(\.related).map(\.message) == [
        "in rendered/prod/checkout/resource.yaml at spec.jobTemplate.spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.nme",
        "in rendered/prod/checkout/resource.yaml at spec.jobTemplate.spec.template.spec.containers[0].readinessProbe.httpGet.path",
      ])
  }

  @Test func pathsQuoteKeysThatAreNotIdentifiers() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: x
        annotations: {example.com/owner: [a, b]}
      """)
    #expect(
      findings.first?.related.map(\.message) == [
        #"in rendered/prod/checkout/resource.yaml at metadata.annotations["example.com/owner"]"#
      ])
  }

  // MARK: Formats

  @Test func quantitiesFollowKubernetesGrammar() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: q}
      spec:
        hard: {cpu: 500m, memory: 1GB, pods: 10, requests.storage: 1.5Ti, limits.cpu: 2 cores}
      """)
    #expect(
      Support.summary(findings) == [
        #"5:29: 'memory' is not a valid quantity ("1GB")"#,
        #"5:81: 'limits.cpu' is not a valid quantity ("2 cores")"#,
      ])
  }

  @Test func int32FieldsRejectLargerNumbers() throws {
    let findings = try Support.findings(
      "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports: [{port: 4294967296}]\n")
    #expect(
      Support.summary(findings) == [
        "5:18: 'port' is out of range for a 32-bit integer (4294967296)"
      ])
  }

  @Test func secretDataMustBeBase64AndIsNeverEchoed() throws {
    let findings = try Support.findings(
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      data:
        good: aHVudGVyMg==
        bad: hunter2!
        number: 1234
      stringData:
        pin: 4321
      """)
    #expect(
      Support.summary(findings) == [
        "6:8: 'bad' is not valid base64",
        "7:11: 'number' must be a string, not an integer",
        "9:8: 'pin' must be a string, not an integer",
      ])
    #expect(
      findings.allSatisfy {
        !$0.message.contains("hunter2") && !$0.message.contains("1234")
          && !$0.message.contains("4321")
      })
  }

  // MARK: Locations

  @Test func valuesRenderMadeUpPointAtTheirNearestWrittenAncestor() throws {
    var body = try Support.node(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        selector: {matchLabels: {app: x}}
        template: {spec: {containers: [{name: app}]}}
      """)
    // As if a transform had added a replica count of the wrong type.
    body.update("spec", default: .mapping([])) { spec in
      spec.set("replicas", to: .string("two"))
    }
    let resource = Resource(
      body: body, service: "checkout", environment: "prod",
      source: testFiles.start(of: "template.yaml"))
    let findings = bundledSchema.validate(resource, renderedPath: "r.yaml")
    #expect(
      Support.summary(findings) == [#"5:3: 'replicas' must be an integer, not a string ("two")"#])
  }

  @Test func findingsForSubstitutedValuesPointAtTheirInputFile() throws {
    var body = try Support.node(
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: x}
      spec:
        replicas: 1
        selector: {matchLabels: {app: x}}
        template: {spec: {containers: [{name: app}]}}
      """)
    let fromEnvironment = try Support.node(
      "replicas: three\n", file: "environments/prod/environment.yaml")
    body.update("spec", default: .mapping([])) { spec in
      if let value = fromEnvironment["replicas"] { spec.set("replicas", to: value) }
    }
    let resource = Resource(
      body: body, service: "checkout", environment: "prod",
      source: testFiles.start(of: "template.yaml"))
    let finding = try #require(
      bundledSchema.validate(resource, renderedPath: "r.yaml").first)
    #expect(
      finding.location
        == testFiles.location("environments/prod/environment.yaml", line: 1, column: 11))
  }

  // MARK: Loading other schema files

  @Test func loadsAKubeconformStyleDefinitionsFile() throws {
    let schema = try KubernetesSchema.load(
      definitions: """
        {"definitions": {
          "io.example.v1.Thing": {
            "type": "object", "additionalProperties": false,
            "x-kubernetes-group-version-kind": [{"group": "example.io", "version": "v1", "kind": "Thing"}],
            "properties": {
              "apiVersion": {"type": "string"}, "kind": {"type": "string"},
              "spec": {"$ref": "#/definitions/io.example.v1.ThingSpec", "description": "the spec"}
            }
          },
          "io.example.v1.ThingSpec": {
            "type": "object", "additionalProperties": false, "required": ["size"],
            "properties": {"size": {"type": "integer", "minimum": 1}}
          }
        }}
        """, file: "schemas/_definitions.json", fileNames: testFiles, kubernetesVersion: "0.1")
    #expect(schema.kubernetesVersion == "0.1")
    #expect(schema.hasSchema(apiVersion: "example.io/v1", kind: "Thing"))
    let findings = try Support.findings(
      "apiVersion: example.io/v1\nkind: Thing\nspec: {size: 0, colour: red}\n", schema: schema)
    #expect(
      Support.summary(findings) == [
        "3:14: 'size' must be at least 1, not 0",
        "3:17: unknown field 'colour' in ThingSpec",
      ])
  }

  @Test func definitionThatRefersToItselfEndsWithAFinding() throws {
    let schema = try KubernetesSchema.load(
      definitions: ##"""
        {"$defs": {"io.example.Loop": {
          "$ref": "#/$defs/io.example.Loop", "type": "object",
          "x-kubernetes-group-version-kind": [{"group": "", "version": "v1", "kind": "Loop"}]
        }}}
        """##, file: "loop.json", fileNames: testFiles)
    let findings = try Support.findings("apiVersion: v1\nkind: Loop\n", schema: schema)
    #expect(Support.summary(findings) == ["1:1: the schema of Loop refers to itself without end"])
  }

  @Test func unreadableDefinitionsFilesAreErrors() {
    #expect(throws: SchemaLoadError.self) {
      try KubernetesSchema.load(definitions: "{\"$defs\": ", file: "bad.json", fileNames: testFiles)
    }
    #expect(throws: SchemaLoadError.self) {
      try KubernetesSchema.load(
        definitions: "{\"kinds\": {}}", file: "bad.json", fileNames: testFiles)
    }
    let error = #expect(throws: SchemaLoadError.self) {
      try KubernetesSchema.load(
        definitions: ##"{"$defs": {"A": {"properties": {"b": {"$ref": "#/$defs/B"}}}}}"##,
        file: "bad.json", fileNames: testFiles)
    }
    #expect(error?.diagnostics.map(\.message) == ["'$ref' to #/$defs/B names no definition"])
  }
}
