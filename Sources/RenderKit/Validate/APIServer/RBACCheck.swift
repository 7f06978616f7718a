/// `pkg/apis/rbac/validation`: rules of Roles and ClusterRoles, role references and
/// subjects of RoleBindings and ClusterRoleBindings.
struct RBACCheck: APIServerCheck {
  let kinds: Set<String> = [
    "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
    "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding",
  ]

  func check(_ object: inout APIServerObject) {
    switch object.kind {
    case "Role", "ClusterRole": checkRules(&object, namespaced: object.kind == "Role")
    default: checkBinding(&object, namespaced: object.kind == "RoleBinding")
    }
  }

  private func checkRules(_ object: inout APIServerObject, namespaced: Bool) {
    for (index, rule) in (object.value(at: [.key("rules")])?.sequence ?? []).enumerated() {
      let here: [PathComponent] = [.key("rules"), .index(index)]
      func count(_ key: String) -> Int { rule[key]?.sequence?.count ?? 0 }
      if count("verbs") == 0 {
        object.required(
          here + [.key("verbs")], "verbs must contain at least one value",
          help: "list the verbs allowed, e.g. [get, list, watch]")
      }
      if count("nonResourceURLs") > 0 {
        if namespaced {
          object.invalid(
            here + [.key("nonResourceURLs")], rule["nonResourceURLs"] ?? .null(),
            "namespaced rules cannot apply to non-resource URLs",
            help: "move non-resource URLs to a ClusterRole")
        } else if count("apiGroups") > 0 || count("resources") > 0 || count("resourceNames") > 0 {
          object.invalid(
            here + [.key("nonResourceURLs")], rule["nonResourceURLs"] ?? .null(),
            "rules cannot apply to both regular resources and non-resource URLs",
            help: "split this into two rules")
        }
        continue
      }
      if rule["apiGroups"]?.sequence == nil {
        object.required(
          here + [.key("apiGroups")], "resource rules must supply at least one api group",
          help: "list the API groups; \"\" is the core group")
      }
      if count("resources") == 0 {
        object.required(
          here + [.key("resources")], "resource rules must supply at least one resource",
          help: "list the resources, e.g. [pods]")
      }
    }
  }

  private func checkBinding(_ object: inout APIServerObject, namespaced: Bool) {
    let roleRef: [PathComponent] = [.key("roleRef")]
    if let group = object.value(at: roleRef + [.key("apiGroup")]),
      group.string != KubernetesEnums.rbacGroup
    {
      object.unsupported(
        roleRef + [.key("apiGroup")], group, supported: [KubernetesEnums.rbacGroup])
    }
    object.checkEnum(
      roleRef + [.key("kind")], namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"])
    if object.value(at: roleRef + [.key("name")])?.string == "" {
      object.required(roleRef + [.key("name")], help: "name the Role or ClusterRole to grant")
    } else {
      object.checkSyntax(
        roleRef + [.key("name")], KubernetesSyntax.pathSegmentName,
        help: "use the role's metadata.name")
    }
    for (index, subject) in (object.value(at: [.key("subjects")])?.sequence ?? []).enumerated() {
      let here: [PathComponent] = [.key("subjects"), .index(index)]
      if subject["name"]?.string == "" {
        object.required(here + [.key("name")], help: "name the user, group or ServiceAccount")
      }
      guard let kind = subject["kind"], let kindText = kind.string else { continue }
      let group = subject["apiGroup"]?.string ?? ""
      switch kindText {
      case "ServiceAccount":
        if !group.isEmpty {
          object.unsupported(
            here + [.key("apiGroup")], subject["apiGroup"] ?? .null(), supported: [""],
            help: "remove apiGroup: ServiceAccounts are in the core group")
        }
        object.checkSyntax(
          here + [.key("name")], KubernetesSyntax.dns1123Subdomain,
          help: "use the ServiceAccount's metadata.name")
        if !namespaced, (subject["namespace"]?.string ?? "").isEmpty {
          object.required(
            here + [.key("namespace")],
            help: "a ClusterRoleBinding names the namespace of each ServiceAccount")
        }
      case "User", "Group":
        // An empty apiGroup defaults to rbac.authorization.k8s.io for users and groups.
        if !group.isEmpty && group != KubernetesEnums.rbacGroup {
          object.unsupported(
            here + [.key("apiGroup")], subject["apiGroup"] ?? .string(""),
            supported: [KubernetesEnums.rbacGroup])
        }
      default:
        object.unsupported(here + [.key("kind")], kind, supported: KubernetesEnums.subjectKind)
      }
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "rbac: a Role rule without verbs, and one on non-resource URLs", triggers: true,
        manifests: """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: reader}
          rules:
          - apiGroups: [""]
            resources: [pods]
            verbs: []
          - nonResourceURLs: [/metrics]
            verbs: [get]
          """),
      RuleExample(
        "rbac: a ClusterRoleBinding to a Role, and a ServiceAccount without namespace",
        triggers: true,
        manifests: """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRoleBinding
          metadata: {name: reader}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
          subjects:
          - {kind: ServiceAccount, name: web}
          """),
      RuleExample(
        "rbac: a Role with groups, resources and verbs, and its binding", triggers: false,
        manifests: """
          apiVersion: rbac.authorization.k8s.io/v1
          kind: Role
          metadata: {name: reader}
          rules:
          - {apiGroups: [""], resources: [pods, configmaps], verbs: [get, list, watch]}
          ---
          apiVersion: rbac.authorization.k8s.io/v1
          kind: RoleBinding
          metadata: {name: reader}
          roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
          subjects:
          - {kind: ServiceAccount, name: web}
          - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "acme:developers"}
          """),
    ]
  }
}
