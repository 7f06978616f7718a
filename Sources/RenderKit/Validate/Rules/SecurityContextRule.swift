/// `security-context`: pods run as non-root, unprivileged, without privilege escalation,
/// host namespaces or host paths.
struct SecurityContextRule: PolicyRule {
  let id: RuleID = .securityContext
  let summary = """
    Containers run with runAsNonRoot: true and allowPrivilegeEscalation: false, are not \
    privileged, and pods use no host namespaces (hostNetwork, hostPID, hostIPC) and no \
    hostPath volumes.
    """
  let rationale = """
    A container that escapes its process through a bug in the application or the runtime \
    gets what its pod was allowed: root, privileges, the node's network, processes or \
    files. These settings are the Kubernetes restricted Pod Security Standard's core, and \
    a namespace that enforces it rejects the pods at deploy time; this rule says so at \
    render time, at the line to change.
    """
  let defaultSeverity = RuleSeverity.warning

  static let hostNamespaces = ["hostNetwork", "hostPID", "hostIPC"]

  var examples: [RuleExample] {
    [
      RuleExample(
        "no securityContext at all", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
          """),
      RuleExample(
        "a container overrides the pod's runAsNonRoot", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                securityContext: {runAsNonRoot: true}
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  securityContext:
                    runAsNonRoot: false
                    allowPrivilegeEscalation: false
          """),
      RuleExample(
        "a node agent on the host's network with a hostPath volume", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: DaemonSet
          metadata: {name: node-agent}
          spec:
            selector: {matchLabels: {app: node-agent}}
            template:
              metadata: {labels: {app: node-agent}}
              spec:
                hostNetwork: true
                securityContext: {runAsNonRoot: true}
                containers:
                - name: agent
                  image: ghcr.io/acme/node-agent:0.3.1
                  securityContext: {allowPrivilegeEscalation: false}
                volumes:
                - name: logs
                  hostPath: {path: /var/log}
          """),
      RuleExample(
        "a privileged container", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: debug}
          spec:
            securityContext: {runAsNonRoot: true}
            containers:
            - name: shell
              image: busybox:1.36
              securityContext: {privileged: true, allowPrivilegeEscalation: false}
          """),
      RuleExample(
        "runAsNonRoot on the pod, no escalation on every container", triggers: false,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                securityContext: {runAsNonRoot: true, runAsUser: 10001}
                initContainers:
                - name: migrate
                  image: ghcr.io/acme/migrate:1.4.2
                  securityContext: {allowPrivilegeEscalation: false}
                containers:
                - name: app
                  image: ghcr.io/acme/web:1.4.2
                  securityContext: {allowPrivilegeEscalation: false}
                volumes:
                - name: tmp
                  emptyDir: {}
          """),
      RuleExample(
        "a container sets runAsNonRoot itself, and false host settings are fine", triggers: false,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            hostNetwork: false
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              securityContext:
                runAsNonRoot: true
                privileged: false
                allowPrivilegeEscalation: false
          """),
    ]
  }

  func check(_ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for workload in Workload.all(in: context) {
      findings += checkPod(workload, context)
      for container in workload.pod.containers {
        findings += checkContainer(container, of: workload, context)
      }
    }
    return findings
  }

  private func checkPod(_ workload: Workload, _ context: ValidationContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let pod = workload.pod
    for key in Self.hostNamespaces where pod.spec[key]?.bool == true {
      findings.append(
        context.finding(
          id,
          "\(workload.displayName) sets \(key): true, sharing the node's \(Self.namespaceName(key))",
          in: workload.resource, at: pod.path + [.key(key)],
          help:
            "remove \(key); a pod that needs the node's \(Self.namespaceName(key)) belongs in a namespace with a policy exception"
        ))
    }
    for (index, volume) in (pod.spec["volumes"]?.sequence ?? []).enumerated() {
      guard let hostPath = volume["hostPath"], !hostPath.isNull else { continue }
      let name = volume["name"]?.string.map { "volume '\($0)'" } ?? "volume volumes[\(index)]"
      let what = hostPath["path"]?.string.map { " (\($0))" } ?? ""
      findings.append(
        context.finding(
          id, "\(name) of \(workload.displayName) mounts a path of the node\(what)",
          in: workload.resource, at: pod.path + [.key("volumes"), .index(index), .key("hostPath")],
          help:
            "use an emptyDir, configMap, secret or persistentVolumeClaim volume instead of hostPath"
        ))
    }
    return findings
  }

  private func checkContainer(
    _ container: PodTemplate.Container, of workload: Workload, _ context: ValidationContext
  ) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let name = workload.describe(container)
    let settings = container.node["securityContext"]
    let settingsPath = container.path + [.key("securityContext")]
    let podSettingsPath = workload.pod.path + [.key("securityContext")]

    // runAsNonRoot: the container's own setting wins over the pod's.
    let setting =
      settings?["runAsNonRoot"]?.bool.map { ($0, "sets runAsNonRoot: false", settingsPath) }
      ?? workload.pod.spec["securityContext"]?["runAsNonRoot"]?.bool.map {
        ($0, "runs with runAsNonRoot: false, set on its pod", podSettingsPath)
      }
    if let (runsAsNonRoot, what, path) = setting {
      if !runsAsNonRoot {
        findings.append(
          context.finding(
            id, "\(name) \(what)", in: workload.resource, at: path + [.key("runAsNonRoot")],
            help: "set runAsNonRoot: true, with a non-zero runAsUser if the image's user is root"))
      }
    } else {
      findings.append(
        context.finding(
          id, "\(name) may run as root: neither it nor its pod sets runAsNonRoot: true",
          in: workload.resource, at: settingsPath + [.key("runAsNonRoot")],
          help:
            "set securityContext.runAsNonRoot: true on the pod (for every container) or on the container, with a non-zero runAsUser if the image's user is root"
        ))
    }

    if settings?["privileged"]?.bool == true {
      findings.append(
        context.finding(
          id, "\(name) is privileged: it has every capability and the node's devices",
          in: workload.resource, at: settingsPath + [.key("privileged")],
          help:
            "remove privileged: true; add only the capabilities it needs under securityContext.capabilities.add"
        ))
    }

    switch settings?["allowPrivilegeEscalation"]?.bool {
    case false?:
      break
    case true?:
      findings.append(
        context.finding(
          id, "\(name) sets allowPrivilegeEscalation: true", in: workload.resource,
          at: settingsPath + [.key("allowPrivilegeEscalation")],
          help: "set allowPrivilegeEscalation: false"))
    case nil:
      findings.append(
        context.finding(
          id, "\(name) does not set allowPrivilegeEscalation: false", in: workload.resource,
          at: settingsPath + [.key("allowPrivilegeEscalation")],
          help:
            "set securityContext.allowPrivilegeEscalation: false on the container (the pod has no such setting)"
        ))
    }
    return findings
  }

  static func namespaceName(_ key: String) -> String {
    switch key {
    case "hostNetwork": "network"
    case "hostPID": "processes"
    default: "IPC namespace"
    }
  }
}
