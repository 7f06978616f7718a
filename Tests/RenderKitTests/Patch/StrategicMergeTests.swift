import TestSupport
import Testing

@testable import RenderKit

/// One strategic merge: a resource, a patch, and the expected resource, all inline YAML.
struct MergeCase: Sendable, CustomTestStringConvertible {
  var name: String
  var original: String
  var patch: String
  var expected: String

  var testDescription: String { name }
}

/// A patch that is wrong for the resource: the findings as `line:column: message`.
struct MergeErrorCase: Sendable, CustomTestStringConvertible {
  var name: String
  var original: String
  var patch: String
  var messages: [String]

  var testDescription: String { name }
}

private let deployment = """
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: checkout
    labels: {app: checkout}
    finalizers: [a, b]
  spec:
    replicas: 2
    template:
      spec:
        containers:
        - name: app
          image: app:1
          args: [--port, "8080"]
          env: [{name: A, value: "1"}, {name: B, value: "2"}]
          ports: [{containerPort: 8080, name: http}]
          volumeMounts: [{mountPath: /data, name: data}]
        - name: sidecar
          image: sidecar:1
        volumes: [{name: data, emptyDir: {}}]
        tolerations: [{key: a, operator: Exists}]
  """

extension PatchTests {
  @Suite struct StrategicMergeTests {
    let merge = StrategicMerge(strategies: TableMergeStrategies())

    func apply(_ original: String, _ patch: String) throws -> (Node?, [Diagnostic]) {
      let body = try PatchTestSupport.yaml(original, file: "templates/web/deployment.yaml")
      let patchNode = try PatchTestSupport.yaml(patch, file: "services/checkout/service.yaml")
      let result = merge.apply(patchNode, to: body)
      return (result.body, result.diagnostics)
    }

    static let cases: [MergeCase] = [
      MergeCase(
        name: "maps merge key by key, new keys appended, scalars replaced",
        original: "a: 1\nb: {x: 1, y: 2}\nc: 3\n",
        patch: "b: {y: 20, z: 30}\nd: 4\na: 10\n",
        expected: "{a: 10, b: {x: 1, y: 20, z: 30}, c: 3, d: 4}"),
      MergeCase(
        name: "null deletes a key, and a null for a missing key adds nothing",
        original: "a: 1\nb: {x: 1, y: 2}\n",
        patch: "a: null\nb: {y: null}\nmissing: null\n",
        expected: "{b: {x: 1}}"),
      MergeCase(
        name: "keyed list merges matching items in place and appends the others",
        original: deployment,
        patch:
          "spec: {template: {spec: {containers: [{name: web, image: web:1}, {name: app, image: app:2}]}}}",
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: app
                  image: app:2
                  args: [--port, "8080"]
                  env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  ports: [{containerPort: 8080, name: http}]
                  volumeMounts: [{mountPath: /data, name: data}]
                - {name: sidecar, image: sidecar:1}
                - {name: web, image: web:1}
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        name: "nested keyed lists: env by name, volumeMounts by mountPath, ports by containerPort",
        original: deployment,
        patch: """
          spec:
            template:
              spec:
                containers:
                - name: app
                  env: [{name: B, value: "20"}, {name: C, value: "3"}]
                  volumeMounts: [{mountPath: /data, readOnly: true}, {mountPath: /tmp, name: tmp}]
                  ports: [{containerPort: 8080.0, protocol: TCP}, {containerPort: 9090, name: metrics}]
          """,
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: app
                  image: app:1
                  args: [--port, "8080"]
                  env: [{name: A, value: "1"}, {name: B, value: "20"}, {name: C, value: "3"}]
                  ports: [{containerPort: 8080, name: http, protocol: TCP}, {containerPort: 9090, name: metrics}]
                  volumeMounts: [{mountPath: /data, name: data, readOnly: true}, {mountPath: /tmp, name: tmp}]
                - {name: sidecar, image: sidecar:1}
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        name: "Service ports merge by port",
        original:
          "kind: Service\nspec: {ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443}]}",
        patch: "spec: {ports: [{port: 443, name: https}, {port: 9090}]}",
        expected:
          "kind: Service\nspec: {ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: 8443, name: https}, {port: 9090}]}"
      ),
      MergeCase(
        name: "lists without a merge key are replaced",
        original: deployment,
        patch:
          "spec: {template: {spec: {containers: [{name: app, args: [--debug]}], tolerations: [{key: b}]}}}",
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: app
                  image: app:1
                  args: [--debug]
                  env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  ports: [{containerPort: 8080, name: http}]
                  volumeMounts: [{mountPath: /data, name: data}]
                - {name: sidecar, image: sidecar:1}
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: b}]
          """),
      MergeCase(
        name: "primitive lists are a set union keeping the original order",
        original: "kind: Deployment\nmetadata: {finalizers: [a, b, c]}",
        patch: "metadata: {finalizers: [d, b, a, d, e]}",
        expected: "kind: Deployment\nmetadata: {finalizers: [a, b, c, d, e]}"),
      MergeCase(
        name: "$patch: delete on a mapping removes it",
        original: "a: {x: 1}\nb: 2\n",
        patch: "a: {$patch: delete, x: 5}\n",
        expected: "{b: 2}"),
      MergeCase(
        name: "$patch: delete on a keyed item removes the matching item",
        original: deployment,
        patch:
          "spec: {template: {spec: {containers: [{name: sidecar, $patch: delete}, {name: app, env: [{name: A, $patch: delete}, {name: Z, $patch: delete}]}]}}}",
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: app
                  image: app:1
                  args: [--port, "8080"]
                  env: [{name: B, value: "2"}]
                  ports: [{containerPort: 8080, name: http}]
                  volumeMounts: [{mountPath: /data, name: data}]
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        name: "$patch: replace on a mapping replaces it",
        original: "metadata: {labels: {app: checkout, tier: web}}",
        patch: "metadata: {labels: {$patch: replace, team: payments}}",
        expected: "metadata: {labels: {team: payments}}"),
      MergeCase(
        name: "{$patch: replace} as a list item replaces a keyed list",
        original: deployment,
        patch:
          "spec: {template: {spec: {containers: [{name: only, image: only:1}, {$patch: replace}]}}}",
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers: [{name: only, image: only:1}]
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        name: "$patch: replace on a keyed item replaces that item only",
        original: deployment,
        patch:
          "spec: {template: {spec: {containers: [{name: sidecar, image: sidecar:2, $patch: replace}]}}}",
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - name: app
                  image: app:1
                  args: [--port, "8080"]
                  env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  ports: [{containerPort: 8080, name: http}]
                  volumeMounts: [{mountPath: /data, name: data}]
                - {name: sidecar, image: sidecar:2}
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        name: "{$patch: replace} in a primitive list replaces it",
        original: "kind: Deployment\nmetadata: {finalizers: [a, b]}",
        patch: "metadata: {finalizers: [{$patch: replace}, c]}",
        expected: "kind: Deployment\nmetadata: {finalizers: [c]}"),
      MergeCase(
        name: "$deleteFromPrimitiveList removes values, then the list merges",
        original: "kind: Deployment\nmetadata: {finalizers: [a, b, c]}",
        patch: "metadata: {$deleteFromPrimitiveList/finalizers: [b, x], finalizers: [d]}",
        expected: "kind: Deployment\nmetadata: {finalizers: [a, c, d]}"),
      MergeCase(
        name: "$retainKeys clears the keys it does not name",
        original: "spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}}",
        patch: "spec: {strategy: {$retainKeys: [type], type: Recreate}}",
        expected: "spec: {strategy: {type: Recreate}}"),
      MergeCase(
        name: "$setElementOrder orders a keyed list like apimachinery",
        original: deployment,
        patch: """
          spec:
            template:
              spec:
                $setElementOrder/containers: [{name: sidecar}, {name: web}, {name: app}]
                containers: [{name: web, image: web:1}]
          """,
        expected: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout, labels: {app: checkout}, finalizers: [a, b]}
          spec:
            replicas: 2
            template:
              spec:
                containers:
                - {name: sidecar, image: sidecar:1}
                - {name: web, image: web:1}
                - name: app
                  image: app:1
                  args: [--port, "8080"]
                  env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  ports: [{containerPort: 8080, name: http}]
                  volumeMounts: [{mountPath: /data, name: data}]
                volumes: [{name: data, emptyDir: {}}]
                tolerations: [{key: a, operator: Exists}]
          """),
      MergeCase(
        // Checked against `kubectl patch --local --type strategic` (1.32): items the
        // order leaves out keep their place relative to the original list.
        name: "$setElementOrder interleaves items it does not name",
        original: "kind: Pod\nspec: {containers: [{name: a}, {name: b}, {name: c}]}",
        patch:
          "spec: {$setElementOrder/containers: [{name: c}, {name: d}, {name: a}], containers: [{name: d}]}",
        expected: "kind: Pod\nspec: {containers: [{name: b}, {name: c}, {name: d}, {name: a}]}"),
      MergeCase(
        name: "$setElementOrder orders a primitive list",
        original: "kind: Deployment\nmetadata: {finalizers: [a, b, c]}",
        patch: "metadata: {$setElementOrder/finalizers: [c, a, b]}",
        expected: "kind: Deployment\nmetadata: {finalizers: [c, a, b]}"),
      MergeCase(
        name: "a new subtree is merged into nothing: nulls and directives never reach the output",
        original: "kind: Pod\nspec: {}",
        patch:
          "spec: {containers: [{name: a, $patch: delete}, {name: b, env: [{name: X, value: null}]}], extra: {k: null, $retainKeys: [k]}}",
        expected: "kind: Pod\nspec: {containers: [{name: b, env: [{name: X}]}], extra: {}}"),
      MergeCase(
        name: "a mapping replaces a scalar, and a scalar a mapping",
        original: "a: text\nb: {x: 1}\n",
        patch: "a: {y: 2}\nb: 3\n",
        expected: "{a: {y: 2}, b: 3}"),
      MergeCase(
        name: "$patch: replace at the top replaces the whole body",
        original: "apiVersion: v1\nkind: ConfigMap\ndata: {a: '1'}",
        patch: "$patch: replace\napiVersion: v1\nkind: ConfigMap\ndata: {b: '2'}",
        expected: "apiVersion: v1\nkind: ConfigMap\ndata: {b: '2'}"),
      MergeCase(
        name: "$ keys that are not directives are ordinary fields",
        original: "spec: {schema: {type: object}}",
        patch: "spec: {schema: {$ref: '#/definitions/x'}}",
        expected: "spec: {schema: {type: object, $ref: '#/definitions/x'}}"),
    ]

    @Test(arguments: cases)
    func merges(_ test: MergeCase) throws {
      let (result, diagnostics) = try apply(test.original, test.patch)
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      let body = try #require(result)
      #expect(YAMLEmitter.emit(body) == (try PatchTestSupport.canonical(test.expected)))
    }

    @Test func topLevelDeleteDeletesTheResource() throws {
      let (result, diagnostics) = try apply(deployment, "$patch: delete\n")
      #expect(result == nil)
      #expect(diagnostics.isEmpty)
    }

    static let errorCases: [MergeErrorCase] = [
      MergeErrorCase(
        name: "unknown $patch value",
        original: "a: {x: 1}",
        patch: "a:\n  $patch: delet\n",
        messages: ["2:11: unknown '$patch' value 'delet'; did you mean 'delete'?"]),
      MergeErrorCase(
        name: "$patch: merge on a keyed item",
        original: deployment,
        patch:
          "spec:\n  template:\n    spec:\n      containers:\n      - {name: app, $patch: merge}\n",
        messages: ["5:29: unknown '$patch' value 'merge'"]),
      MergeErrorCase(
        name: "misspelt directive",
        original: "a: {x: 1}",
        patch: "a:\n  $retainkeys: [x]\n",
        messages: ["2:3: '$retainkeys' is not a directive; did you mean '$retainKeys'?"]),
      MergeErrorCase(
        name: "directive prefix without a key",
        original: "a: {x: 1}",
        patch: "a:\n  $setElementOrder: [x]\n",
        messages: [
          "2:3: '$setElementOrder' needs the list's key after a slash: '$setElementOrder/<key>'"
        ]),
      MergeErrorCase(
        name: "keyed item without its merge key",
        original: deployment,
        patch: "spec:\n  template:\n    spec:\n      containers:\n      - image: x:1\n",
        messages: [
          "5:9: this item of 'spec.template.spec.containers' needs 'name' to say which item it changes: Deployment merges that list by 'name'"
        ]),
      MergeErrorCase(
        name: "keyed items must be mappings",
        original: deployment,
        patch: "spec:\n  template:\n    spec:\n      volumes: [data]\n",
        messages: [
          "4:17: Deployment merges 'spec.template.spec.volumes' by 'name', so its items must be mappings, not a string"
        ]),
      MergeErrorCase(
        name: "$patch: delete in a list without a merge key",
        original: deployment,
        patch:
          "spec:\n  template:\n    spec:\n      tolerations:\n      - {key: a, $patch: delete}\n",
        messages: ["5:18: '$patch' cannot apply to an item of 'spec.template.spec.tolerations'"]),
      MergeErrorCase(
        name: "$patch in a primitive list",
        original: deployment,
        patch: "metadata:\n  finalizers: [{$patch: delete}]\n",
        messages: ["2:17: '$patch' cannot apply to an item of 'metadata.finalizers'"]),
      MergeErrorCase(
        name: "$setElementOrder on a list that is replaced",
        original: deployment,
        patch: "spec:\n  template:\n    spec:\n      $setElementOrder/tolerations: [{key: a}]\n",
        messages: [
          "4:7: '$setElementOrder/tolerations' orders a list that merges, but Deployment replaces 'spec.template.spec.tolerations' with the patch's list"
        ]),
      MergeErrorCase(
        name: "$setElementOrder that leaves out a patch item",
        original: "kind: Pod\nspec: {containers: [{name: a}]}",
        patch: "spec:\n  $setElementOrder/containers: [{name: a}]\n  containers: [{name: b}]\n",
        messages: [
          "3:16: 'b' is in the patch's 'containers' but not in '$setElementOrder/containers'"
        ]
      ),
      MergeErrorCase(
        name: "$retainKeys that leaves out a key the patch sets",
        original: "spec: {strategy: {type: RollingUpdate}}",
        patch: "spec:\n  strategy:\n    $retainKeys: [type]\n    rollingUpdate: {maxSurge: 1}\n",
        messages: ["4:5: 'rollingUpdate' is set by the patch but missing from '$retainKeys'"]),
      MergeErrorCase(
        name: "$deleteFromPrimitiveList that is not a list",
        original: "kind: Deployment\nmetadata: {finalizers: [a]}",
        patch: "metadata:\n  $deleteFromPrimitiveList/finalizers: a\n",
        messages: [
          "2:40: '$deleteFromPrimitiveList/finalizers' must be a list of the values to delete, not a string"
        ]),
      MergeErrorCase(
        name: "$deleteFromPrimitiveList on a field that is not a list",
        original: "kind: Deployment\nmetadata: {labels: {a: b}}",
        patch: "metadata:\n  $deleteFromPrimitiveList/labels: [a]\n",
        messages: [
          "2:3: '$deleteFromPrimitiveList/labels' deletes from the list 'labels', but 'labels' is a mapping"
        ]),
    ]

    @Test func keysThatDifferOnlyByNormalizationAreDifferentKeys() throws {
      let (body, diagnostics) = try apply(
        "data: {\"caf\u{E9}\": service}\n", "data: {\"cafe\u{301}\": patch}\n")
      #expect(diagnostics.isEmpty)
      let keys = body?["data"]?.mapping?.map { Array($0.key.utf8) } ?? []
      #expect(keys == [Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8)])
    }

    @Test func aPatchAddingManyKeysToASmallMappingIsLinear() throws {
      // Positions were scanned linearly until the mapping had more than 16 keys at the
      // start: 100,000 added keys took minutes.
      let keys = (0..<100_000).map { "k\($0): \($0)" }.joined(separator: ", ")
      let (body, diagnostics) = try apply("data: {a: 1}\n", "data: {\(keys)}\n")
      #expect(diagnostics.isEmpty)
      #expect(body?["data"]?.mapping?.count == 100_001)
    }

    @Test(arguments: errorCases)
    func reportsMistakesAtThePatchLine(_ test: MergeErrorCase) throws {
      let (_, diagnostics) = try apply(test.original, test.patch)
      #expect(PatchTestSupport.lines(diagnostics) == test.messages)
      #expect(diagnostics.allSatisfy { $0.location.testPath == "services/checkout/service.yaml" })
      #expect(diagnostics.allSatisfy { $0.rule == "input" && $0.severity == .error })
    }

    @Test func patchedValuesKeepThePatchLocations() throws {
      let (result, _) = try apply(
        deployment,
        """
        spec:
          replicas: 5
          template:
            spec:
              containers:
              - name: app
                image: app:2
              - name: web
                image: web:1
        """)
      let body = try #require(result)
      let patchFile = "services/checkout/service.yaml"
      let containers = try #require(
        body.value(at: [.key("spec"), .key("template"), .key("spec"), .key("containers")]))
      // Set by the patch: the patch file's lines.
      #expect(
        body["spec"]?["replicas"]?.location
          == testFiles.location(patchFile, line: 2, column: 13))
      #expect(
        containers.sequence?[0]["image"]?.location
          == testFiles.location(patchFile, line: 7, column: 16))
      #expect(containers.sequence?[2].location.testPath == patchFile)
      #expect(
        body["spec"]?.entry("replicas")?.keyLocation.testPath == "templates/web/deployment.yaml")
      // Merged but not set by the patch: the template's lines.
      #expect(containers.sequence?[0]["name"]?.location.testPath == "templates/web/deployment.yaml")
      #expect(containers.location.testPath == "templates/web/deployment.yaml")
      #expect(body["metadata"]?["name"]?.location.line == 4)
    }

    @Test func addedKeysKeepThePatchKeyLocation() throws {
      let (result, _) = try apply("a: 1\n", "a: 1\nb: {c: 2}\n")
      let entry = try #require(result?.entry("b"))
      #expect(
        entry.keyLocation
          == testFiles.location("services/checkout/service.yaml", line: 2, column: 1))
      #expect(entry.value["c"]?.location.line == 2)
    }

    @Test func largeKeyedListsMergeItemByItem() throws {
      // 5,000 env vars patched by 5,000, half of them new: the keyed merge must match
      // every item and keep the order (speed is measured by the benchmark, not here).
      let count = 5_000
      let original = Node.mapping([
        .init("kind", .string("Pod")),
        .init(
          "spec",
          .mapping([
            .init(
              "containers",
              .sequence([
                .mapping([
                  .init("name", .string("app")),
                  .init(
                    "env",
                    .sequence(
                      (0..<count).map {
                        .mapping([.init("name", .string("V\($0)")), .init("value", .string("a"))])
                      })),
                ])
              ]))
          ])),
      ])
      let patch = Node.mapping([
        .init(
          "spec",
          .mapping([
            .init(
              "containers",
              .sequence([
                .mapping([
                  .init("name", .string("app")),
                  .init(
                    "env",
                    .sequence(
                      (0..<count).reversed().map {
                        .mapping([
                          .init("name", .string("V\($0 * 2)")), .init("value", .string("b")),
                        ])
                      })),
                ])
              ]))
          ]))
      ])
      let result = merge.apply(patch, to: original).body
      let env = try #require(
        result?.value(at: [.key("spec"), .key("containers"), .index(0), .key("env")])?.sequence)
      #expect(env.count == count + count / 2)
      #expect(env[2]["value"]?.string == "b")
      #expect(env[1]["value"]?.string == "a")
    }
  }
}
