import TestSupport
import Testing

@testable import RenderKit

/// Thousands of services in one environment: every finding is found, nothing else is,
/// and the cost grows with the number of resources, not with its square.
@Suite struct LargeEnvironmentTests {
  enum Broken: CaseIterable {
    case selector, configMap, port, autoscaler, budget
  }

  /// The seven resources of one web service, all referring to each other, and to a
  /// Secret listed under `external:`. `broken` swaps in one wrong reference.
  static func service(_ index: Int, broken: Broken? = nil) throws -> [RenderedResource] {
    let name = "svc-\(index)"
    let selector = broken == .selector ? "\(name)x" : name
    let config = broken == .configMap ? "\(name)-cfg" : "\(name)-config"
    let port = broken == .port ? "htp" : "http"
    let target = broken == .autoscaler ? "\(name)-web" : name
    let tier = broken == .budget ? "batch" : "web"
    let yaml = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: \(name)}
      spec:
        selector: {matchLabels: {app.kubernetes.io/name: \(name)}}
        template:
          metadata:
            labels: {app.kubernetes.io/name: \(name), app.kubernetes.io/part-of: shop, tier: web}
          spec:
            serviceAccountName: \(name)
            containers:
            - name: app
              image: ghcr.io/acme/\(name):1.0.0
              envFrom: [{configMapRef: {name: \(config)}}]
              env:
              - name: DATABASE_URL
                valueFrom: {secretKeyRef: {name: shared-db, key: url}}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: \(name)}
      spec:
        selector: {app.kubernetes.io/part-of: shop, app.kubernetes.io/name: \(selector)}
        ports: [{name: http, port: 80, targetPort: 8080}]
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: \(name)-config}
      data: {LOG_LEVEL: info}
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: \(name)}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: \(name)}
      spec:
        defaultBackend: {service: {name: \(name), port: {name: \(port)}}}
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: \(name)}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: \(target)}
        maxReplicas: 4
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata: {name: \(name)}
      spec:
        minAvailable: 1
        selector:
          matchLabels: {app.kubernetes.io/part-of: shop, app.kubernetes.io/name: \(name)}
          matchExpressions: [{key: tier, operator: In, values: [\(tier)]}]
      """
    let file = "services/\(name)/manifests.yaml"
    return try YAMLParser.parse(yaml, file: file, fileNames: testFiles).map { body in
      let resource = Resource(body: body, service: name, environment: "big", source: body.location)
      return RenderedResource(
        resource: resource, path: "rendered/" + ResourcePath.path(for: resource))
    }
  }

  /// `count` services, five of them broken (one of each `Broken`), and the messages the
  /// `references` rule must report for them.
  static func environment(_ count: Int) throws -> (ValidationContext, [String]) {
    var broken: [Int: Broken] = [:]
    for (offset, kind) in Broken.allCases.enumerated() {
      broken[count / 7 * (offset + 1) + 3] = kind
    }
    var resources: [RenderedResource] = []
    var expected: [String] = []
    for index in 0..<count {
      resources += try service(index, broken: broken[index])
      let name = "svc-\(index)"
      switch broken[index] {
      case .selector:
        expected.append(
          "Service/\(name) selects app.kubernetes.io/name=\(name)x, which no workload's pods carry; did you mean '\(name)'?"
        )
      case .configMap:
        expected.append(
          "Deployment/\(name) reads ConfigMap/\(name)-cfg, which environment 'big' neither renders nor lists as external; did you mean '\(name)-config'?"
        )
      case .port:
        expected.append(
          "Ingress/\(name) routes to port 'htp' of Service/\(name), which has no such port; did you mean 'http'?"
        )
      case .autoscaler:
        expected.append(
          "HorizontalPodAutoscaler/\(name) scales Deployment/\(name)-web, which environment 'big' neither renders nor lists as external; did you mean '\(name)'?"
        )
      case .budget:
        expected.append(
          "PodDisruptionBudget/\(name) selects tier in (batch), which no workload's pods carry")
      case nil:
        break
      }
    }
    let context = ValidationContext(
      environment: "big", namespace: "shop", resources: resources,
      external: [
        ExternalObject(kind: "Secret", name: "shared-db", location: testFiles.start(of: "env.yaml"))
      ])
    return (context, expected)
  }

  /// Built once: parsing 14,000 manifests takes longer than checking them.
  static let large = try? environment(2_000)

  @Test func everyBrokenReferenceAndNothingElseAmongThousandsOfResources() throws {
    let (context, expected) = try #require(Self.large)
    #expect(context.resources.count == 14_000)
    #expect(expected.count == Broken.allCases.count)
    let findings = ReferencesRule().check(context)
    #expect(findings.map(\.message).sorted() == expected.sorted())
    #expect(NamespaceRule().check(context).isEmpty)
    #expect(UniqueRule().check(context).isEmpty)
  }

  @Test func aDuplicateAcrossServicesIsFoundInALargeEnvironment() throws {
    var (context, _) = try #require(Self.large)
    for rendered in try Self.service(10) where rendered.kind == "ConfigMap" {
      var resource = rendered.resource
      resource.service = "svc-10-copy"
      context.resources.append(
        RenderedResource(resource: resource, path: "rendered/" + ResourcePath.path(for: resource)))
    }
    context.subjects = Array(context.resources.indices)
    #expect(
      UniqueRule().check(context).map(\.message) == [
        "ConfigMap/svc-10-config in namespace 'shop' is rendered by both service 'svc-10' and service 'svc-10-copy'; applying one overwrites the other"
      ])
  }
}
