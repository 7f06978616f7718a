/// `ValidatePodTemplateSpec` and `ValidatePodSpec` (`pkg/apis/core/validation`): the
/// pods of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, ReplicationControllers,
/// Jobs and CronJobs.
struct PodSpecCheck: APIServerCheck {
  let kinds: Set<String> = Set(WorkloadKind.podSpecPaths.keys)

  func check(_ object: inout APIServerObject) {
    guard let pod = object.pod else { return }
    let spec = pod.path
    if object.kind != "Pod" {
      object.checkLabels(pod.metadata?["labels"], at: pod.metadataPath + [.key("labels")])
    }
    if (pod.spec["containers"]?.sequence ?? []).isEmpty {
      object.required(
        spec + [.key("containers")],
        help: "a pod runs at least one container: add one under containers")
    }
    var volumes = checkVolumes(&object, pod.spec, spec)
    // A StatefulSet's pods also get a volume per claim template. (The API server does not
    // validate a StatefulSet's pod spec at all, a TODO upstream; its controller's pods are
    // rejected later, so render checks them as the union of both.)
    for claim in object.value(at: [.key("spec"), .key("volumeClaimTemplates")])?.sequence ?? [] {
      if let name = claim["metadata"]?["name"]?.string { volumes.insert(name) }
    }
    var names: Set<String> = []
    for container in pod.containers {
      checkContainer(
        &object, container, volumes: volumes, names: &names,
        hostNetwork: pod.spec["hostNetwork"]?.bool == true)
    }
    let podSpec = pod.spec
    object.checkEnum(
      podSpec["restartPolicy"], KubernetesEnums.restartPolicy, at: spec + [.key("restartPolicy")])
    object.checkEnum(
      podSpec["dnsPolicy"], KubernetesEnums.dnsPolicy, at: spec + [.key("dnsPolicy")])
    if pod.spec["dnsPolicy"]?.string == "None", pod.spec["dnsConfig"]?.isMapping != true {
      object.required(
        spec + [.key("dnsConfig")], "must provide `dnsConfig` when `dnsPolicy` is None",
        help: "add dnsConfig with nameservers, or choose another dnsPolicy")
    }
    object.checkMinimum(
      podSpec["terminationGracePeriodSeconds"], 0,
      at: spec + [.key("terminationGracePeriodSeconds")],
      help: "use 0 or more seconds")
    if let deadline = podSpec["activeDeadlineSeconds"], let seconds = deadline.int,
      seconds < 1
    {
      object.invalid(
        spec + [.key("activeDeadlineSeconds")], deadline,
        "must be between 1 and 2147483647, inclusive",
        help: "use a positive number of seconds, or leave it out")
    }
    object.checkSyntax(
      podSpec["serviceAccountName"], KubernetesSyntax.dns1123Subdomain,
      at: spec + [.key("serviceAccountName")],
      help: "name a ServiceAccount by its metadata.name")
    object.checkLabels(podSpec["nodeSelector"], at: spec + [.key("nodeSelector")])
    for (index, toleration) in (pod.spec["tolerations"]?.sequence ?? []).enumerated() {
      let here = spec + [.key("tolerations"), .index(index)]
      object.checkEnum(here + [.key("operator")], KubernetesEnums.tolerationOperator)
      object.checkEnum(here + [.key("effect")], KubernetesEnums.taintEffect)
      if toleration["operator"]?.string == "Exists", let value = toleration["value"]?.string,
        !value.isEmpty
      {
        object.invalid(
          here + [.key("operator")], toleration["operator"] ?? .null(),
          "value must be empty when `operator` is 'Exists'",
          help: "remove value, or use the operator Equal")
      }
      if (toleration["key"]?.string ?? "").isEmpty, let op = toleration["operator"]?.string,
        op != "Exists"
      {
        object.invalid(
          here + [.key("operator")], toleration["operator"] ?? .null(),
          "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
          help: "set a key, or use the operator Exists")
      }
    }
    for (index, secret) in (pod.spec["imagePullSecrets"]?.sequence ?? []).enumerated()
    where (secret["name"]?.string ?? "").isEmpty {
      object.required(
        spec + [.key("imagePullSecrets"), .index(index), .key("name")], help: "name the Secret")
    }
  }

  /// The volume names (reporting missing, bad and duplicate ones, and sources).
  private func checkVolumes(
    _ object: inout APIServerObject, _ podSpec: Node, _ spec: [PathComponent]
  ) -> Set<String> {
    var names: Set<String> = []
    for (index, volume) in (podSpec["volumes"]?.sequence ?? []).enumerated() {
      let here = spec + [.key("volumes"), .index(index)]
      if let name = volume["name"], let text = name.string, !text.isEmpty {
        object.checkItemName(
          name, text, at: here + [.key("name")], names: &names,
          syntaxHelp: "volume names are lowercase letters, digits and '-', at most 63 characters",
          duplicateHelp: "give each volume of the pod its own name")
      } else if volume["name"] != nil {
        object.required(here + [.key("name")], help: "name the volume so containers can mount it")
      }
      let sources = KubernetesEnums.volumeSources.filter { volume[$0].map { !$0.isNull } ?? false }
      if sources.isEmpty {
        object.required(
          here, "must specify a volume type",
          help: "add one source: emptyDir, configMap, secret, persistentVolumeClaim, projected, ..."
        )
      } else if sources.count > 1 {
        object.forbidden(
          here + [.key(sources[1])], "may not specify more than 1 volume type",
          help: "a volume has exactly one source; split it into \(sources.count) volumes")
      }
    }
    return names
  }

  private func checkContainer(
    _ object: inout APIServerObject, _ container: PodTemplate.Container, volumes: Set<String>,
    names: inout Set<String>, hostNetwork: Bool
  ) {
    let here = container.path
    let node = container.node
    if let name = node["name"], let text = name.string, !text.isEmpty {
      object.checkSyntax(
        name, KubernetesSyntax.dns1123Label, at: here + [.key("name")],
        help: "container names are lowercase letters, digits and '-', at most 63 characters")
      if !names.insert(text).inserted {
        object.duplicate(
          here + [.key("name")], name,
          help: "containers, init containers and ephemeral containers of a pod need distinct names")
      }
    } else if node["name"] != nil {
      // A missing name is the schema's finding; an empty one passes it.
      object.required(here + [.key("name")], help: "name the container")
    }
    if container.list != "ephemeralContainers", (node["image"]?.string ?? "").isEmpty {
      object.required(here + [.key("image")], help: "set the container's image")
    }
    object.checkEnum(
      node["imagePullPolicy"], KubernetesEnums.imagePullPolicy, at: here + [.key("imagePullPolicy")]
    )
    object.checkEnum(
      node["terminationMessagePolicy"], KubernetesEnums.terminationMessagePolicy,
      at: here + [.key("terminationMessagePolicy")])
    checkPorts(&object, node, here, hostNetwork: hostNetwork)
    checkEnv(&object, node, here)
    var mountPaths: Set<String> = []
    for (index, mount) in (node["volumeMounts"]?.sequence ?? []).enumerated() {
      let mountPath = here + [.key("volumeMounts"), .index(index)]
      if let name = mount["name"], let text = name.string, !volumes.contains(text) {
        object.notFound(
          mountPath + [.key("name")], name,
          help: "mount a volume the pod declares under volumes, or add one named '\(text)'")
      }
      if let path = mount["mountPath"], let text = path.string {
        if text.isEmpty {
          object.required(mountPath + [.key("mountPath")], help: "say where the volume is mounted")
        } else if !mountPaths.insert(text).inserted {
          object.invalid(
            mountPath + [.key("mountPath")], path, "must be unique",
            help: "mount one volume per path; use subPath to mount parts of a volume")
        }
      }
    }
    let sidecar = container.list == "initContainers" && node["restartPolicy"]?.string == "Always"
    object.checkEnum(
      node["restartPolicy"], KubernetesEnums.containerRestartPolicy,
      at: here + [.key("restartPolicy")])
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
      guard let value = node[probe], !value.isNull else { continue }
      if container.list == "initContainers" && !sidecar {
        object.forbidden(
          here + [.key(probe)], "may not be set for init containers without restartPolicy=Always",
          help:
            "init containers run to completion; remove the probe, or make it a sidecar with restartPolicy: Always"
        )
        continue
      }
      checkProbe(&object, value, here + [.key(probe)], kind: probe)
    }
    checkResources(&object, node, here)
  }

  private func checkPorts(
    _ object: inout APIServerObject, _ node: Node, _ here: [PathComponent], hostNetwork: Bool
  ) {
    var names: Set<String> = []
    for (index, port) in (node["ports"]?.sequence ?? []).enumerated() {
      let portPath = here + [.key("ports"), .index(index)]
      if let name = port["name"], let text = name.string {
        object.checkSyntax(
          name, KubernetesSyntax.portName, at: portPath + [.key("name")],
          help:
            "port names are IANA service names: at most 15 lowercase letters, digits and '-', with a letter"
        )
        if !names.insert(text).inserted {
          object.duplicate(
            portPath + [.key("name")], name, help: "give each port of the container its own name")
        }
      }
      object.checkPortNumber(
        port["containerPort"], at: portPath + [.key("containerPort")],
        help: "use a port from 1 to 65535")
      if let hostPort = port["hostPort"]?.int, hostPort != 0 {
        object.checkPortNumber(
          port["hostPort"], at: portPath + [.key("hostPort")], help: "use a port from 1 to 65535")
        if hostNetwork, let containerPort = port["containerPort"]?.int, containerPort != hostPort {
          object.invalid(
            portPath + [.key("containerPort")], port["containerPort"] ?? .null(),
            "must match `hostPort` when `hostNetwork` is true",
            help: "with hostNetwork the container listens on the host: use one number for both")
        }
      }
      object.checkEnum(
        port["protocol"], KubernetesEnums.protocols, at: portPath + [.key("protocol")])
    }
  }

  private func checkEnv(_ object: inout APIServerObject, _ node: Node, _ here: [PathComponent]) {
    for (index, variable) in (node["env"]?.sequence ?? []).enumerated() {
      let envPath = { here + [.key("env"), .index(index)] }
      if variable["name"]?.string == "" {
        object.required(envPath() + [.key("name")], help: "name the environment variable")
      } else {
        object.checkSyntax(
          variable["name"], KubernetesSyntax.envVarName, at: envPath() + [.key("name")],
          help: "use letters, digits, '_', '-' and '.', not starting with a digit")
      }
      guard let source = variable["valueFrom"], source.isMapping else { continue }
      if let value = variable["value"]?.string, !value.isEmpty {
        object.invalid(
          envPath() + [.key("valueFrom")], source, "may not be specified when `value` is not empty",
          help: "set either value or valueFrom")
      }
      let kinds = KubernetesEnums.envVarSources.filter { source[$0].map { !$0.isNull } ?? false }
      if kinds.isEmpty {
        object.invalid(
          envPath() + [.key("valueFrom")], source,
          "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
          help: "say where the value comes from")
      } else if kinds.count > 1 {
        object.invalid(
          envPath() + [.key("valueFrom")], source,
          "may not have more than one field specified at a time",
          help: "keep one of \(kinds.joined(separator: ", "))")
      }
    }
  }

  private func checkProbe(
    _ object: inout APIServerObject, _ probe: Node, _ here: [PathComponent], kind: String
  ) {
    let handlers = KubernetesEnums.probeHandlers.filter { probe[$0].map { !$0.isNull } ?? false }
    if handlers.isEmpty {
      object.required(
        here, "must specify a handler type",
        help: "give the probe one of exec, httpGet, tcpSocket or grpc")
    } else if handlers.count > 1 {
      object.forbidden(
        here + [.key(handlers[1])], "may not specify more than 1 handler type",
        help: "a probe has exactly one of exec, httpGet, tcpSocket or grpc; keep \(handlers[0])")
    }
    for field in [
      "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold",
      "failureThreshold",
    ] {
      object.checkMinimum(
        probe[field], 0, at: here + [.key(field)],
        help: "use 0 or more; leave it out for the default")
    }
    if kind != "readinessProbe", let threshold = probe["successThreshold"],
      let value = threshold.int,
      value != 1
    {
      object.invalid(
        here + [.key("successThreshold")], threshold, "must be 1",
        help: "liveness and startup probes succeed after one success; remove successThreshold")
    }
    if kind == "readinessProbe", probe["terminationGracePeriodSeconds"].map({ !$0.isNull }) == true
    {
      object.invalid(
        here + [.key("terminationGracePeriodSeconds")],
        probe["terminationGracePeriodSeconds"] ?? .null(),
        "must not be set for readinessProbes",
        help: "remove it: a failing readiness probe never kills the container")
    }
    let portHelp = "use a port from 1 to 65535 or a container port's name"
    object.checkNumberOrPortName(
      probe["httpGet"]?["port"], at: here + [.key("httpGet"), .key("port")], help: portHelp)
    object.checkNumberOrPortName(
      probe["tcpSocket"]?["port"], at: here + [.key("tcpSocket"), .key("port")], help: portHelp)
    object.checkEnum(
      probe["httpGet"]?["scheme"], KubernetesEnums.httpSchemes,
      at: here + [.key("httpGet"), .key("scheme")])
  }

  private func checkResources(
    _ object: inout APIServerObject, _ node: Node, _ here: [PathComponent]
  ) {
    guard let resourceNode = node["resources"], resourceNode.isMapping else { return }
    let resources = here + [.key("resources")]
    for list in ["limits", "requests"] {
      for entry in node["resources"]?[list]?.mapping ?? [] {
        let path = { resources + [.key(list), .key(entry.key)] }
        if !KubernetesEnums.containerResources.contains(entry.key)
          && !entry.key.containsByte(0x2F /* / */)
          && !entry.key.hasPrefix("hugepages-")
        {
          object.report(
            path(), "Invalid value: \"\(entry.key)\": must be a standard resource for containers",
            help:
              "use cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource with a domain (example.com/gpu)"
          )
          continue
        }
        if entry.value.int.map({ $0 < 0 }) ?? entry.value.string?.hasPrefix("-") ?? false {
          object.invalid(
            path(), entry.value, "must be greater than or equal to 0",
            help: "use a positive quantity")
        }
      }
    }
    guard let limits = node["resources"]?["limits"]?.mapping,
      let requests = node["resources"]?["requests"]?.mapping
    else { return }
    for request in requests {
      guard let limit = limits.first(where: { $0.key == request.key }),
        let requested = QuantityValue.parse(request.value),
        let limited = QuantityValue.parse(limit.value)
      else { continue }
      if requested > limited {
        object.invalid(
          resources + [.key("requests"), .key(request.key)], request.value,
          "must be less than or equal to \(request.key) limit of \(limit.value.scalar?.canonicalText ?? "")",
          help: "raise the limit or lower the request; a container never gets more than its limit")
      } else if request.key.containsByte(0x2F /* / */), requested != limited {
        object.invalid(
          resources + [.key("requests"), .key(request.key)], request.value,
          "must be equal to \(request.key) limit of \(limit.value.scalar?.canonicalText ?? "")",
          help: "extended resources cannot be overcommitted: request what you limit")
      }
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "pods: `imagePullPolicy: Sometimes` and two containers both called `app`", triggers: true,
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
                  imagePullPolicy: Sometimes
                - name: app
                  image: ghcr.io/acme/proxy:2.0.1
          """),
      RuleExample(
        "pods: a probe with two handlers, a request above its limit, a mount of no volume",
        triggers: true,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              livenessProbe:
                httpGet: {path: /healthz, port: http}
                tcpSocket: {port: 8080}
              resources:
                requests: {cpu: "2"}
                limits: {cpu: 500m}
              volumeMounts:
              - {name: cache, mountPath: /cache}
          """),
      RuleExample(
        "pods: a Deployment's pod template without containers", triggers: true,
        manifests: """
          apiVersion: apps/v1
          kind: Deployment
          metadata: {name: web}
          spec:
            selector: {matchLabels: {app: web}}
            template:
              metadata: {labels: {app: web}}
              spec:
                containers: []
          """),
      RuleExample(
        "pods: distinct names, one probe handler, requests within limits, mounts of declared volumes",
        triggers: false,
        manifests: """
          apiVersion: v1
          kind: Pod
          metadata: {name: web}
          spec:
            volumes:
            - {name: cache, emptyDir: {}}
            containers:
            - name: app
              image: ghcr.io/acme/web:1.4.2
              imagePullPolicy: IfNotPresent
              ports: [{name: http, containerPort: 8080}]
              livenessProbe:
                httpGet: {path: /healthz, port: http}
              resources:
                requests: {cpu: 250m, memory: 128Mi}
                limits: {cpu: "1", memory: 128Mi}
              volumeMounts:
              - {name: cache, mountPath: /cache}
            - name: proxy
              image: ghcr.io/acme/proxy:2.0.1
          """),
    ]
  }
}
