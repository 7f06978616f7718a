import TestSupport
import Testing

@testable import RenderKit

extension PatchTests {
  @Suite struct PatchApplierTests {
    let applier = PatchApplier(strategies: TableMergeStrategies())
    let scope = "service 'checkout' in environment 'prod'"

    func checkout() throws -> [Resource] {
      [
        try PatchTestSupport.resource(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout}
          spec:
            replicas: 1
            template: {spec: {containers: [{name: app, image: app:1}]}}
          """),
        try PatchTestSupport.resource(
          "apiVersion: v1\nkind: Service\nmetadata: {name: checkout}\nspec: {ports: [{port: 80}]}\n",
          file: "templates/web/service.yaml"),
        try PatchTestSupport.resource(
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: checkout-worker}
          spec:
            replicas: 1
            template: {spec: {containers: [{name: worker, image: app:1}]}}
          """),
      ]
    }

    func apply(_ patches: String, to resources: inout [Resource]) throws -> [Diagnostic] {
      applier.apply(try PatchTestSupport.patches(patches), to: &resources, scope: scope)
    }

    @Test func appliesPatchesInOrderToEveryMatch() throws {
      var resources = try checkout()
      let diagnostics = try apply(
        """
        - target: {kind: Deployment}
          merge: {spec: {replicas: 3}}
        - target: {kind: Deployment, name: "*-worker"}
          json: [{op: test, path: /spec/replicas, value: 3}, {op: replace, path: /spec/replicas, value: 1}]
        - target: {name: checkout}
          merge: {metadata: {labels: {patched: "yes"}}}
        """, to: &resources)
      #expect(diagnostics.isEmpty, "\(diagnostics)")
      #expect(resources.map { $0.body["spec"]?["replicas"]?.int } == [3, nil, 1])
      #expect(
        resources.map { $0.body["metadata"]?["labels"]?["patched"]?.string } == ["yes", "yes", nil])
    }

    @Test func aTargetThatMatchesNothingIsAnError() throws {
      var resources = try checkout()
      let diagnostics = try apply(
        """
        - target: {kind: Deployment, name: "payments*"}
          merge: {spec: {replicas: 3}}
        """, to: &resources)
      #expect(
        PatchTestSupport.lines(diagnostics) == [
          "1:11: patch target {kind: Deployment, name: payments*} matches nothing in service 'checkout' in environment 'prod'"
        ])
      #expect(diagnostics.first?.location.testPath == "services/checkout/service.yaml")
      #expect(
        diagnostics.first?.help
          == "resources there: Deployment/checkout, Service/checkout, Deployment/checkout-worker")
      #expect(diagnostics.first?.isError == true)
    }

    @Test(arguments: [
      ("{kind: Deploymnet}", "did you mean kind 'Deployment'?"),
      ("{kind: deployment}", "did you mean kind 'Deployment'?"),
      ("{kind: Service, name: chekout}", "did you mean name 'checkout'?"),
      ("{name: checkout, service: checkuot}", "did you mean service 'checkout'?"),
    ])
    func suggestsTheNearMiss(target: String, hint: String) throws {
      var resources = try checkout()
      let diagnostics = try apply("- target: \(target)\n  merge: {a: 1}\n", to: &resources)
      #expect(diagnostics.count == 1)
      #expect(diagnostics.first?.message.hasSuffix("; " + hint) == true, "\(diagnostics)")
    }

    @Test func anEmptyScopeSaysSo() throws {
      var resources: [Resource] = []
      let diagnostics = try apply("- merge: {a: 1}\n", to: &resources)
      #expect(
        PatchTestSupport.lines(diagnostics) == ["1:3: patch target {} matches nothing in \(scope)"])
      #expect(diagnostics.first?.help == "\(scope) has no resources")
    }

    @Test func longCandidateListsAreCut() throws {
      var resources = try (0..<25).map {
        try PatchTestSupport.resource("kind: ConfigMap\nmetadata: {name: c\($0)}\n")
      }
      let diagnostics = try apply("- target: {kind: Secret}\n  merge: {a: 1}\n", to: &resources)
      #expect(diagnostics.first?.help?.hasSuffix("ConfigMap/c19 and 5 more") == true)
    }

    @Test func aTopLevelDeleteRemovesTheResource() throws {
      var resources = try checkout()
      let diagnostics = try apply(
        """
        - target: {name: checkout-worker}
          merge: {$patch: delete}
        - target: {name: checkout-worker}
          merge: {spec: {replicas: 2}}
        """, to: &resources)
      #expect(resources.map(\.displayName) == ["Deployment/checkout", "Service/checkout"])
      #expect(
        PatchTestSupport.lines(diagnostics) == [
          "3:11: patch target {name: checkout-worker} matches nothing in \(scope)"
        ])
    }

    @Test func aMistakeIsReportedOnceForAllTheResourcesItHits() throws {
      var resources = try checkout()
      let diagnostics = try apply(
        """
        - target: {kind: Deployment}
          merge: {spec: {template: {spec: {containers: [{image: app:2}]}}}}
        """, to: &resources)
      #expect(
        PatchTestSupport.lines(diagnostics) == [
          "2:49: this item of 'spec.template.spec.containers' needs 'name' to say which item it changes: Deployment merges that list by 'name'"
        ])
    }

    @Test func aFailedJSONPatchNamesTheResourceAndSparesTheOthers() throws {
      var resources = try checkout()
      let diagnostics = try apply(
        """
        - target: {kind: Deployment}
          json: [{op: replace, path: /spec/template/spec/containers/0/image, value: app:2}, {op: test, path: /metadata/name, value: checkout}]
        """, to: &resources)
      #expect(
        PatchTestSupport.lines(diagnostics) == [
          "2:125: json patch 'test' failed on Deployment/checkout-worker: expected '/metadata/name' to be checkout, found checkout-worker"
        ])
      let images = resources.map {
        $0.body.value(at: [
          .key("spec"), .key("template"), .key("spec"), .key("containers"), .index(0),
          .key("image"),
        ])?.string
      }
      #expect(images == ["app:2", nil, "app:1"])
    }

    @Test func patchesSelectAmongThousandsOfResources() throws {
      let template = try checkout()[0]
      var resources = (0..<3_000).map { number in
        var resource = template
        resource.body.update("metadata", default: .mapping([])) {
          $0.set("name", to: .string("svc-\(number)"))
        }
        return resource
      }
      let priorityClass: [PathComponent] = [
        .key("spec"), .key("template"), .key("spec"), .key("priorityClassName"),
      ]
      let patches = try PatchTestSupport.patches(
        """
        - target: {kind: Deployment}
          merge: {spec: {template: {spec: {containers: [{name: app, env: [{name: A, value: b}]}], nodeSelector: {pool: general}}}}}
        - target: {kind: Deployment, name: "svc-1*"}
          json: [{op: add, path: /spec/template/spec/priorityClassName, value: high}]
        """)
      let diagnostics = applier.apply(patches, to: &resources, scope: scope)
      #expect(diagnostics.isEmpty)
      #expect(resources[1_999].body.value(at: priorityClass)?.string == "high")
      #expect(resources[2_000].body.value(at: priorityClass) == nil)
    }

    @Test func patchedValuesPointAtThePatch() throws {
      var resources = try checkout()
      _ = try apply(
        "- target: {kind: Service}\n  merge: {spec: {ports: [{port: 80, targetPort: 8080}]}}\n",
        to: &resources)
      let port = try #require(
        resources[1].body.value(at: [.key("spec"), .key("ports"), .index(0)]))
      #expect(
        port["targetPort"]?.location
          == testFiles.location("services/checkout/service.yaml", line: 2, column: 49))
      #expect(port["port"]?.location.testPath == "templates/web/service.yaml")
    }
  }
}
