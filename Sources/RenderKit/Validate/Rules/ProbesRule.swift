/// `probes`: the containers of long-running workloads have a readiness probe.
struct ProbesRule: PolicyRule {
  let id: RuleID = .probes
  let summary = """
    Every container of a long-running workload (Deployment, StatefulSet, DaemonSet, \
    ReplicaSet, ReplicationController) has a readinessProbe.
    """
  let rationale = """
    Without a readiness probe a pod counts as ready the moment its process starts, so it \
    receives traffic before it can serve it, and a rollout replaces working pods with \
    ones that only look alive. Init containers and run-to-completion Jobs are not \
    checked, and a livenessProbe is not required: a wrong one restarts healthy pods.
    """
  let defaultSeverity = RuleSeverity.warning

  var examples: [RuleExample] {
    [
      RuleExample(
        "a Deployment without a readinessProbe (a livenessProbe is not one)", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  livenessProbe:
                    httpGet: {path: /healthz, port: 8080}
          """),
      RuleExample(
        "a sidecar without one, next to a container with one", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db}
          spec:
            serviceName: db
            selector: {matchLabels: {app: db}}
            template:
              metadata: {labels: {app: db}}
              spec:
                containers:
                - name: postgres
                  image: postgres:16.3
                  readinessProbe:
                    exec: {command: [pg_isready]}
                - name: exporter
                  image: quay.io/prometheuscommunity/postgres-exporter:v0.15.0
          """),
      RuleExample(
        "every container has a readinessProbe; init containers need none", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                initContainers:
                - name: migrate
                  image: ghcr.io/acme/migrate:1.4.2
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  readinessProbe:
                    httpGet: {path: /readyz, port: 8080}
          """),
      RuleExample(
        "a Job runs to completion and takes no traffic", triggers: false,
        manifests: """
          apiVersion: batch/v1
          kind: Job
          metadata: {name: migrate}
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: migrate
                  image: ghcr.io/acme/migrate:1.4.2
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for workload in Workload.all(in: context)
    where WorkloadKind.isLongRunning(workload.resource.kind) {
      for container in workload.pod.containers where container.list == "containers" {
        if let probe = container.node["readinessProbe"], !probe.isNull { continue }
        findings.append(
          context.finding(
            id, "\(workload.describe(container)) has no readinessProbe",
            in: workload.resource, at: container.path + [.key("readinessProbe")],
            help:
              "add a readinessProbe (httpGet, tcpSocket, grpc or exec) that succeeds once the container can serve requests"
          ))
      }
    }
    return findings
  }
}
