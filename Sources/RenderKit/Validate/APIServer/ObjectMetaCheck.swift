/// `ValidateObjectMeta`: every built-in object's name, namespace, labels and annotation
/// keys (apimachinery `pkg/api/validation/objectmeta.go` and each kind's name rule).
struct ObjectMetaCheck: APIServerCheck {
  let kinds: Set<String> = []

  static let rbacKinds: Set<String> = ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]

  func check(_ object: inout APIServerObject) {
    let metadata = object.metadata
    let metadataPath: [PathComponent] = [.key("metadata")]
    let namePath: [PathComponent] = [.key("metadata"), .key("name")]
    let name = object.field(metadata, "name")
    if name?.string?.isEmpty ?? true,
      object.field(metadata, "generateName")?.string?.isEmpty ?? true
    {
      object.required(
        namePath, "name or generateName is required", help: "give the object a metadata.name")
    }
    let (syntax, help) = nameSyntax(object.groupKind, object.kind)
    object.checkSyntax(name, syntax, at: namePath, help: help)
    if object.groupKind == "batch/CronJob", let name, let text = name.string,
      text.utf8.count > 52
    {
      object.invalid(
        namePath, name, "must be no more than 52 characters",
        help:
          "the CronJob controller appends an 11-character suffix to name its Jobs; shorten the name"
      )
    } else if object.groupKind == "batch/Job", let name, let text = name.string,
      text.utf8.count > 63
    {
      object.invalid(
        namePath, name, "must be no more than 63 characters",
        help:
          "a Job's name becomes the value of its pods' job-name label; shorten it to 63 characters")
    }
    object.checkSyntax(
      object.field(metadata, "namespace"), KubernetesSyntax.dns1123Label,
      at: metadataPath + [.key("namespace")],
      help: "namespaces are lowercase letters, digits and '-', at most 63 characters")
    object.checkLabels(object.field(metadata, "labels"), at: metadataPath + [.key("labels")])
    for entry in object.field(metadata, "annotations")?.mapping ?? [] {
      for reason in KubernetesSyntax.qualifiedName(entry.key.lowercased()) {
        object.report(
          metadataPath + [.key("annotations"), .key(entry.key)],
          "Invalid value: \"\(entry.key)\": \(reason)",
          help:
            "annotation keys follow the label key syntax: an optional DNS subdomain prefix and '/', then a name"
        )
      }
    }
  }

  private func nameSyntax(_ groupKind: String, _ kind: String) -> ((String) -> [String], String) {
    switch groupKind {
    case "/Namespace":
      return (
        KubernetesSyntax.dns1123Label,
        "use lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit"
      )
    case "/Service":
      return (
        KubernetesSyntax.dns1035Label,
        "Service names become DNS labels: lowercase letters, digits and '-', starting with a letter, at most 63 characters"
      )
    default:
      if groupKind.hasPrefix("rbac.authorization.k8s.io/") {
        return (
          KubernetesSyntax.pathSegmentName,
          "RBAC names may not be '.' or '..' or contain '/' or '%'"
        )
      }
      return (
        KubernetesSyntax.dns1123Subdomain,
        "use lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit"
      )
    }
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "object names: a ConfigMap named with capitals and an underscore", triggers: true,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata: {name: Web_Settings}
          data: {LOG_LEVEL: info}
          """),
      RuleExample(
        "object names: a Service whose name starts with a digit (Service names are DNS-1035 labels)",
        triggers: true,
        manifests: """
          apiVersion: v1
          kind: Service
          metadata: {name: 2fa}
          spec:
            selector: {app: twofa}
            ports: [{port: 80}]
          """),
      RuleExample(
        "labels: a label value with a space, a label key with two slashes", triggers: true,
        manifests: """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: reports
            labels:
              team: data platform
              acme.io/owner/name: reports
          """),
      RuleExample(
        "object names and labels: DNS names, qualified label keys, short label values",
        triggers: false,
        manifests: """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: web.settings-v2
            labels: {app.kubernetes.io/name: web, team: data_platform}
            annotations: {acme.io/description: "Free text: any characters here."}
          data: {LOG_LEVEL: info}
          """),
    ]
  }
}
