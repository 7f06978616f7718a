/// `ValidateService` (`pkg/apis/core/validation`): type, ports, node ports, external
/// names, cluster IPs, traffic policies and selector labels.
struct ServiceCheck: APIServerCheck {
  let kinds: Set<String> = ["/Service"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let specNode = object.spec
    let typeNode = object.field(specNode, "type")
    object.checkEnum(typeNode, KubernetesEnums.serviceType, at: spec + [.key("type")])
    let type = typeNode?.string ?? "ClusterIP"
    let clusterIP = object.field(specNode, "clusterIP")?.string ?? ""
    let headless = clusterIP == "None"
    let ports = object.field(specNode, "ports")?.sequence ?? []
    if ports.isEmpty && type != "ExternalName" && !headless {
      object.required(
        spec + [.key("ports")],
        help: "list the ports the Service exposes, or make it headless with clusterIP: None")
    }
    if type == "ExternalName" {
      let namePath = spec + [.key("externalName")]
      if let name = object.value(at: namePath), let text = name.string, !text.isEmpty {
        let host = text.hasSuffix(".") ? String(text.dropLast()) : text
        for reason in KubernetesSyntax.dns1123Subdomain(host) {
          object.invalid(namePath, name, reason, help: "use a DNS name such as db.example.com")
        }
      } else {
        object.required(namePath, help: "an ExternalName Service names the DNS name it points to")
      }
      if !clusterIP.isEmpty {
        object.forbidden(
          spec + [.key("clusterIP")], "may not be set for ExternalName services",
          help: "remove clusterIP: an ExternalName Service is only a DNS alias")
      }
    } else if !clusterIP.isEmpty && !headless && !KubernetesSyntax.isIP(clusterIP) {
      object.invalid(
        spec + [.key("clusterIP")], object.value(at: spec + [.key("clusterIP")]) ?? .null(),
        "must be a valid IP address or \"None\"",
        help: "leave clusterIP out to get one assigned, or use None")
    }
    checkPorts(&object, ports, type: type)
    object.checkEnum(
      object.field(specNode, "sessionAffinity"), KubernetesEnums.sessionAffinity,
      at: spec + [.key("sessionAffinity")])
    object.checkEnum(
      object.field(specNode, "internalTrafficPolicy"), KubernetesEnums.trafficPolicy,
      at: spec + [.key("internalTrafficPolicy")])
    let externalPolicy = object.field(specNode, "externalTrafficPolicy")
    object.checkEnum(
      externalPolicy, KubernetesEnums.trafficPolicy, at: spec + [.key("externalTrafficPolicy")])
    if let externalPolicy, type != "NodePort", type != "LoadBalancer" {
      object.invalid(
        spec + [.key("externalTrafficPolicy")], externalPolicy,
        "may only be set for externally-accessible services",
        help: "remove externalTrafficPolicy, or change the Service type")
    }
    object.checkEnum(
      object.field(specNode, "ipFamilyPolicy"), KubernetesEnums.ipFamilyPolicy,
      at: spec + [.key("ipFamilyPolicy")])
    for index in (object.field(specNode, "ipFamilies")?.sequence ?? []).indices {
      object.checkEnum(spec + [.key("ipFamilies"), .index(index)], KubernetesEnums.ipFamily)
    }
    for (index, range)
      in (object.field(specNode, "loadBalancerSourceRanges")?.sequence ?? []).enumerated()
    {
      if let text = range.string,
        KubernetesSyntax.cidr(text.trimmingPrefix(while: \.isWhitespace).description) == nil
      {
        object.invalid(
          spec + [.key("loadBalancerSourceRanges"), .index(index)], range,
          "must be a list of IP ranges. For example, 10.240.0.0/24,10.250.0.0/24",
          help: "write each range as an address and a prefix length, e.g. 10.0.0.0/8")
      }
    }
    object.checkLabels(object.field(specNode, "selector"), at: spec + [.key("selector")])
  }

  private func checkPorts(_ object: inout APIServerObject, _ ports: [Node], type: String) {
    var names: Set<String> = []
    var portsAndProtocols: Set<String> = []
    for (index, port) in ports.enumerated() {
      let here: [PathComponent] = [.key("spec"), .key("ports"), .index(index)]
      if let name = port["name"], let text = name.string, !text.isEmpty {
        object.checkItemName(
          name, text, at: here + [.key("name")], names: &names,
          syntaxHelp: "port names are lowercase letters, digits and '-', at most 63 characters",
          duplicateHelp: "give each port of the Service its own name")
      } else if ports.count > 1 {
        object.required(
          here + [.key("name")], help: "a Service with more than one port names every port")
      }
      object.checkPortNumber(
        object.field(port, "port"), at: here + [.key("port")], help: "use a port from 1 to 65535")
      object.checkEnum(
        object.field(port, "protocol"), KubernetesEnums.protocols, at: here + [.key("protocol")])
      if let number = port["port"]?.int {
        let key = "\(number)/\(port["protocol"]?.string ?? "TCP")"
        if !portsAndProtocols.insert(key).inserted {
          object.duplicate(
            here, port,
            help:
              "port \(number) with protocol \(port["protocol"]?.string ?? "TCP") is listed twice; remove one"
          )
        }
      }
      object.checkNumberOrPortName(
        object.field(port, "targetPort"), at: here + [.key("targetPort")],
        help: "use the container's port number (1 to 65535) or the name of a container port")
      if let nodePort = port["nodePort"], let number = nodePort.int, number != 0 {
        if type != "NodePort" && type != "LoadBalancer" {
          object.forbidden(
            here + [.key("nodePort")], "may not be used when `type` is '\(type)'",
            help: "remove nodePort, or make the Service a NodePort or LoadBalancer")
        } else if !KubernetesEnums.nodePortRange.contains(number) {
          object.invalid(
            here + [.key("nodePort")], nodePort,
            "provided port is not in the valid range. The range of valid ports is \(KubernetesEnums.nodePortRange.lowerBound)-\(KubernetesEnums.nodePortRange.upperBound)",
            help: "pick a port in the cluster's node port range, or leave nodePort out to get one")
        }
      }
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "services: `type: Foo`", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: Foo
            selector: {app: web}
            ports: [{port: 80, targetPort: 8080}]
          """),
      RuleExample(
        "services: two unnamed ports, one above 65535", triggers: true,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            selector: {app: web}
            ports:
            - {port: 80, targetPort: http}
            - {port: 80443, targetPort: https}
          """),
      RuleExample(
        "services: named ports, a NodePort in range, a headless Service without ports",
        triggers: false,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: web}
          spec:
            type: NodePort
            externalTrafficPolicy: Local
            selector: {app: web}
            ports:
            - {name: http, port: 80, targetPort: http, nodePort: 30080}
            - {name: metrics, port: 9090, targetPort: 9090}
          ---
          apiVersion: v1
          kind: Service
          metadata: {name: db}
          spec:
            clusterIP: None
            selector: {app: db}
          """),
    ]
  }
}
