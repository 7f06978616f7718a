// Measures KubernetesSchema: loading and compiling the bundled schemas, and validating
// generated Deployments and Services:
//
//   swift run -c release schema-validator-benchmark [services] [rounds]
//
// It prints one line per figure; loading the bundled schemas is the cold cost every
// render pays once.

import Dispatch
import Foundation
import RenderKit

@main
struct SchemaValidatorBenchmark {
  static func main() throws {
    let fileNames = SourceFileNames()
    let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
    let services = arguments.first ?? 2_500
    let rounds = arguments.dropFirst().first ?? 5

    let (schema, loadSeconds) = try measure { try KubernetesSchema.loadBundled() }
    print("load+compile bundled schemas: \(milliseconds(loadSeconds)) ms (cold, first call)")

    let text = manifests(services: services)
    let (documents, parseSeconds) = try measure {
      try YAMLParser.parse(text, file: "generated.yaml", fileNames: fileNames)
    }
    let resources = documents.map {
      Resource(
        body: $0, service: nil, environment: "bench",
        source: fileNames.start(of: "generated.yaml"))
    }
    print(
      "parsed \(resources.count) resources (\(text.utf8.count / 1024) KiB) in \(milliseconds(parseSeconds)) ms"
    )

    // Everything generated is valid; a finding means the benchmark measures the wrong thing.
    let findings = resources.reduce(0) {
      $0 + schema.validate($1, renderedPath: "rendered/bench.yaml").count
    }
    guard findings == 0 else {
      print("unexpected: \(findings) findings on generated resources")
      return
    }

    var best = Double.infinity
    for _ in 0..<rounds {
      let (_, seconds) = measure {
        var count = 0
        for resource in resources {
          count += schema.validate(resource, renderedPath: "rendered/bench.yaml").count
        }
        return count
      }
      best = min(best, seconds)
    }
    print(
      "validate, one thread: \(Int(Double(resources.count) / best)) resources/s (\(milliseconds(best)) ms for \(resources.count), best of \(rounds))"
    )

    let threads = ProcessInfo.processInfo.activeProcessorCount
    let chunks = threads * 4
    var bestParallel = Double.infinity
    for _ in 0..<rounds {
      let (_, seconds) = measure {
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
          var index = chunk
          while index < resources.count {
            _ = schema.validate(resources[index], renderedPath: "rendered/bench.yaml")
            index += chunks
          }
        }
      }
      bestParallel = min(bestParallel, seconds)
    }
    print(
      "validate, \(threads) threads: \(Int(Double(resources.count) / bestParallel)) resources/s"
    )

    let broken = brokenDeployment(fileNames)
    let (brokenFindings, brokenSeconds) = measure {
      (0..<1_000).reduce(0) { total, _ in
        total + schema.validate(broken, renderedPath: "rendered/broken.yaml").count
      }
    }
    print(
      "validate a Deployment with \(brokenFindings / 1_000) findings: \(Int(1_000 / brokenSeconds)) resources/s"
    )
  }

  static func measure<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }

  static func milliseconds(_ seconds: Double) -> String {
    String(format: "%.1f", seconds * 1_000)
  }

  /// `services` Deployments and Services shaped like a typical web service.
  static func manifests(services: Int) -> String {
    var text = ""
    for index in 0..<services {
      let name = "service-\(index)"
      text += """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          namespace: shop
          labels: {app.kubernetes.io/name: \(name), app.kubernetes.io/managed-by: render, team: payments}
          annotations: {render.dev/source: services/\(name)/service.yaml}
        spec:
          replicas: \(index % 5 + 1)
          revisionHistoryLimit: 5
          selector:
            matchLabels: {app.kubernetes.io/name: \(name)}
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
          template:
            metadata:
              labels: {app.kubernetes.io/name: \(name), team: payments}
            spec:
              serviceAccountName: \(name)
              securityContext: {runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001}
              containers:
              - name: app
                image: registry.example.com/shop/\(name):1.\(index % 10).3
                imagePullPolicy: IfNotPresent
                args: [--port=8080, --log-format=json]
                ports:
                - {name: http, containerPort: 8080, protocol: TCP}
                - {name: metrics, containerPort: 9090}
                env:
                - {name: LOG_LEVEL, value: info}
                - {name: SERVICE_NAME, value: \(name)}
                - name: DB_PASSWORD
                  valueFrom: {secretKeyRef: {name: \(name)-db, key: password}}
                - name: POD_IP
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {memory: 256Mi}
                readinessProbe:
                  httpGet: {path: /ready, port: http}
                  periodSeconds: 5
                livenessProbe:
                  httpGet: {path: /healthz, port: 8080}
                  initialDelaySeconds: 10
                securityContext:
                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  capabilities: {drop: [ALL]}
                volumeMounts:
                - {name: config, mountPath: /etc/\(name)}
                - {name: tmp, mountPath: /tmp}
              volumes:
              - name: config
                configMap: {name: \(name)-config}
              - name: tmp
                emptyDir: {}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          namespace: shop
          labels: {app.kubernetes.io/name: \(name)}
        spec:
          type: ClusterIP
          selector: {app.kubernetes.io/name: \(name)}
          ports:
          - {name: http, port: 80, targetPort: http, protocol: TCP}
          - {name: metrics, port: 9090, targetPort: 9090}

        """
    }
    return text
  }

  /// A Deployment with a handful of mistakes, to time the reporting path too.
  static func brokenDeployment(_ fileNames: SourceFileNames) -> Resource {
    let text = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: broken, lables: {app: broken}}
      spec:
        replicas: "3"
        selector: {matchLabels: {app: broken}}
        template:
          metadata: {labels: {app: broken}}
          spec:
            containers:
            - name: app
              imagePullPolicyy: Always
              ports: [{containerPort: http}]
              resources: {limits: {memory: 1GB}}
            - image: sidecar:1.0
      """
    let body =
      (try? YAMLParser.parse(text, file: "broken.yaml", fileNames: fileNames).first) ?? .null()
    return Resource(
      body: body, service: nil, environment: "bench", source: fileNames.start(of: "broken.yaml"))
  }
}
