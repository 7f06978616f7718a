/// `pkg/apis/networking/validation` for Ingress: rules or a default backend, hosts,
/// path types and paths, backends naming exactly one target and one port.
struct IngressCheck: APIServerCheck {
  let kinds: Set<String> = ["networking.k8s.io/Ingress"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let rules = object.value(at: spec + [.key("rules")])?.sequence ?? []
    if rules.isEmpty && object.value(at: spec + [.key("defaultBackend")]) == nil {
      object.invalid(
        spec, object.value(at: spec) ?? .null(),
        "either `defaultBackend` or `rules` must be specified",
        help: "add rules with hosts and paths, or a defaultBackend")
    }
    if object.value(at: spec + [.key("defaultBackend")]) != nil {
      checkBackend(&object, spec + [.key("defaultBackend")])
    }
    object.checkSyntax(
      spec + [.key("ingressClassName")], KubernetesSyntax.dns1123Subdomain,
      help: "name an IngressClass")
    for (index, rule) in rules.enumerated() {
      let here = spec + [.key("rules"), .index(index)]
      if let host = rule["host"], let text = host.string, !text.isEmpty {
        if KubernetesSyntax.isIP(text) {
          object.invalid(
            here + [.key("host")], host, "must be a DNS name, not an IP address",
            help: "use a host name; leave host out to match every host")
        } else {
          for reason in KubernetesSyntax.host(text) {
            object.invalid(
              here + [.key("host")], host, reason,
              help: "use a lowercase DNS name, optionally starting with '*.'")
          }
        }
      }
      guard let http = rule["http"], !http.isNull else { continue }
      let paths = http["paths"]?.sequence ?? []
      if paths.isEmpty {
        object.required(
          here + [.key("http"), .key("paths")], help: "list at least one path, or remove http")
      }
      for (pathIndex, path) in paths.enumerated() {
        checkPath(&object, path, here + [.key("http"), .key("paths"), .index(pathIndex)])
      }
    }
    for (index, tls) in (object.value(at: spec + [.key("tls")])?.sequence ?? []).enumerated() {
      for (hostIndex, host) in (tls["hosts"]?.sequence ?? []).enumerated() {
        guard let text = host.string else { continue }
        for reason in KubernetesSyntax.host(text) {
          object.invalid(
            spec + [.key("tls"), .index(index), .key("hosts"), .index(hostIndex)], host, reason,
            help: "use a lowercase DNS name, optionally starting with '*.'")
        }
      }
    }
  }

  private func checkPath(_ object: inout APIServerObject, _ path: Node, _ here: [PathComponent]) {
    let typePath = here + [.key("pathType")]
    // A missing pathType is the schema's finding (networking.k8s.io/v1 requires it).
    guard let type = object.value(at: typePath), let typeText = type.string else {
      checkBackend(&object, here + [.key("backend")])
      return
    }
    object.checkEnum(typePath, KubernetesEnums.pathType)
    let text = path["path"]?.string ?? ""
    if typeText == "Exact" || typeText == "Prefix" {
      if !text.hasPrefix("/") {
        object.invalid(
          here + [.key("path")], path["path"] ?? .string(""), "must be an absolute path",
          help: "start the path with '/'")
      } else {
        for bad in ["//", "/./", "/../", "%2f", "%2F"] where text.contains(bad) {
          object.invalid(
            here + [.key("path")], path["path"] ?? .null(), "must not contain '\(bad)'",
            help: "write the path in its normal form")
        }
        for bad in ["/..", "/."] where text.hasSuffix(bad) {
          object.invalid(
            here + [.key("path")], path["path"] ?? .null(), "cannot end with '\(bad)'",
            help: "write the path in its normal form")
        }
      }
    } else if !text.isEmpty && !text.hasPrefix("/") {
      object.invalid(
        here + [.key("path")], path["path"] ?? .null(), "must be an absolute path",
        help: "start the path with '/'")
    }
    checkBackend(&object, here + [.key("backend")])
  }

  private func checkBackend(_ object: inout APIServerObject, _ here: [PathComponent]) {
    guard let backend = object.value(at: here) else {
      object.required(here, help: "say which Service and port serve this path")
      return
    }
    let service = backend["service"].flatMap { $0.isNull ? nil : $0 }
    let resource = backend["resource"].flatMap { $0.isNull ? nil : $0 }
    if service != nil && resource != nil {
      object.invalid(
        here, backend, "cannot set both service and resource backends",
        help: "keep one of service and resource")
      return
    }
    guard let service else {
      if resource == nil {
        object.invalid(
          here, backend, "one backend (service or resource) must be specified",
          help: "add service: {name: ..., port: {number: ...}}")
      }
      return
    }
    let servicePath = here + [.key("service")]
    if (service["name"]?.string ?? "").isEmpty {
      object.required(servicePath + [.key("name")], help: "name the backend Service")
    } else {
      object.checkSyntax(
        servicePath + [.key("name")], KubernetesSyntax.dns1035Label,
        help: "name the Service by its metadata.name")
    }
    let portPath = servicePath + [.key("port")]
    let name = service["port"]?["name"].flatMap { $0.isNull ? nil : $0 }
    let number = service["port"]?["number"].flatMap { $0.isNull ? nil : $0 }
    if name != nil && number != nil {
      object.invalid(
        portPath, service["port"] ?? .null(), "cannot set both port name & port number",
        help: "keep one of port.name and port.number")
    } else if name == nil && number == nil {
      object.invalid(
        portPath, service["port"] ?? .null(), "port name or number is required",
        help: "set port.number (the Service's port) or port.name")
    } else if number != nil {
      object.checkPortNumber(
        portPath + [.key("number")], help: "use the Service's port, from 1 to 65535")
    } else {
      object.checkSyntax(
        portPath + [.key("name")], KubernetesSyntax.portName,
        help: "use the name of one of the Service's ports")
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "ingresses: a path without pathType and a relative Prefix path", triggers: true,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: web}
          spec:
            rules:
            - host: shop.example.com
              http:
                paths:
                - path: /
                  backend: {service: {name: web, port: {number: 80}}}
                - path: api
                  pathType: Prefix
                  backend: {service: {name: api, port: {number: 80}}}
          """),
      RuleExample(
        "ingresses: a backend port with both a name and a number", triggers: true,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: web}
          spec:
            defaultBackend:
              service: {name: web, port: {name: http, number: 80}}
          """),
      RuleExample(
        "ingresses: a wildcard host, typed absolute paths, one port per backend", triggers: false,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: Ingress
          metadata: {name: web}
          spec:
            ingressClassName: nginx
            tls: [{hosts: ["*.example.com"], secretName: web-tls}]
            rules:
            - host: "*.example.com"
              http:
                paths:
                - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                - {path: /healthz, pathType: Exact, backend: {service: {name: web, port: {number: 8080}}}}
          """),
    ]
  }
}
