/// `ValidateNetworkPolicySpec` (`pkg/apis/networking/validation`): policy types, ports
/// and port ranges, peers and IP blocks.
struct NetworkPolicyCheck: APIServerCheck {
  let kinds: Set<String> = ["networking.k8s.io/NetworkPolicy"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    object.checkLabelSelector(spec + [.key("podSelector")])
    let types = object.value(at: spec + [.key("policyTypes")])?.sequence ?? []
    for index in types.indices {
      object.checkEnum(spec + [.key("policyTypes"), .index(index)], KubernetesEnums.policyTypes)
    }
    if types.count > 2 {
      object.invalid(
        spec + [.key("policyTypes")], object.value(at: spec + [.key("policyTypes")]) ?? .null(),
        "may not specify more than two policyTypes",
        help: "list Ingress and Egress at most once each")
    }
    for (direction, peers) in [("ingress", "from"), ("egress", "to")] {
      for (index, rule) in (object.value(at: spec + [.key(direction)])?.sequence ?? []).enumerated()
      {
        let here = spec + [.key(direction), .index(index)]
        for (portIndex, port) in (rule["ports"]?.sequence ?? []).enumerated() {
          checkPort(&object, port, here + [.key("ports"), .index(portIndex)])
        }
        for (peerIndex, peer) in (rule[peers]?.sequence ?? []).enumerated() {
          checkPeer(&object, peer, here + [.key(peers), .index(peerIndex)])
        }
      }
    }
  }

  private func checkPort(_ object: inout APIServerObject, _ port: Node, _ here: [PathComponent]) {
    object.checkEnum(here + [.key("protocol")], KubernetesEnums.protocols)
    object.checkNumberOrPortName(
      here + [.key("port")], help: "use a port from 1 to 65535 or a named container port")
    guard let end = port["endPort"], let endNumber = end.int else { return }
    guard let start = port["port"], !start.isNull else {
      object.required(
        here + [.key("port")], "must specify `port` when `endPort` is specified",
        help: "set port, the start of the range")
      return
    }
    guard let startNumber = start.int else {
      object.forbidden(
        here + [.key("endPort")], "may not be specified when `port` is non-numeric",
        help: "a range needs a numeric port")
      return
    }
    if endNumber < startNumber {
      object.invalid(
        here + [.key("endPort")], end, "must be greater than or equal to `port`",
        help: "endPort ends the range that port starts")
    }
    object.checkPortNumber(here + [.key("endPort")], help: "use a port from 1 to 65535")
  }

  /// `text` (the value `node` at `path`) as an address range, or `nil` once reported.
  private func checkCIDR(
    _ object: inout APIServerObject, _ text: String, _ node: Node, _ path: [PathComponent]
  ) -> (bytes: [UInt8], prefix: Int)? {
    guard let cidr = KubernetesSyntax.cidr(text) else {
      object.invalid(
        path, node, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
        help: "write an address, '/', and a prefix length")
      return nil
    }
    return cidr
  }

  private func checkPeer(_ object: inout APIServerObject, _ peer: Node, _ here: [PathComponent]) {
    let selectors = ["podSelector", "namespaceSelector"].filter {
      peer[$0].map { !$0.isNull } ?? false
    }
    for selector in selectors { object.checkLabelSelector(here + [.key(selector)]) }
    let block = peer["ipBlock"].flatMap { $0.isNull ? nil : $0 }
    if selectors.isEmpty && block == nil {
      object.required(
        here, "must specify a peer", help: "add podSelector, namespaceSelector or ipBlock")
      return
    }
    guard let block else { return }
    if !selectors.isEmpty {
      object.forbidden(
        here, "may not specify both ipBlock and another peer",
        help: "put the ipBlock in a peer of its own")
    }
    let cidrPath = here + [.key("ipBlock"), .key("cidr")]
    guard let cidrNode = block["cidr"], let cidrText = cidrNode.string, !cidrText.isEmpty else {
      object.required(cidrPath, help: "set the address range, e.g. 10.0.0.0/8")
      return
    }
    guard let cidr = checkCIDR(&object, cidrText, cidrNode, cidrPath) else { return }
    for (index, except) in (block["except"]?.sequence ?? []).enumerated() {
      guard let text = except.string else { continue }
      let exceptPath = here + [.key("ipBlock"), .key("except"), .index(index)]
      guard let inner = checkCIDR(&object, text, except, exceptPath) else { continue }
      if !KubernetesSyntax.isStrictSubnet(inner, of: cidr) {
        object.invalid(
          exceptPath, except, "must be a strict subset of `cidr`",
          help: "except only ranges inside \(cidrText)")
      }
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "network policies: a policy type `ingress` in lowercase", triggers: true,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web}
          spec:
            podSelector: {matchLabels: {app: web}}
            policyTypes: [ingress]
          """),
      RuleExample(
        "network policies: an except range outside its cidr, an endPort below its port",
        triggers: true,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web}
          spec:
            podSelector: {}
            egress:
            - to:
              - ipBlock: {cidr: 10.0.0.0/16, except: [192.168.0.0/24]}
              ports:
              - {port: 8000, endPort: 7000}
          """),
      RuleExample(
        "network policies: selectors, a port range, an ipBlock with an inner except",
        triggers: false,
        manifests: """
          apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: web}
          spec:
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Ingress, Egress]
            ingress:
            - from: [{namespaceSelector: {matchLabels: {team: shop}}, podSelector: {matchLabels: {app: gateway}}}]
              ports: [{protocol: TCP, port: 8080}]
            egress:
            - to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
              ports: [{port: 32000, endPort: 32768}]
          """),
    ]
  }
}
