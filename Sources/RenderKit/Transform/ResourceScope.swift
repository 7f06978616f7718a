/// Which kinds are cluster-scoped (everything else is namespaced): the built-in ones,
/// plus custom resources whose CRD in `crds/` says `scope: Cluster`.
public struct ResourceScope: Sendable {
  /// Built-in cluster-scoped kinds by `group/Kind` (`/Namespace` for the core group).
  static let builtInClusterScoped: Set<String> = [
    "/Namespace", "/Node", "/PersistentVolume", "/ComponentStatus",
    "rbac.authorization.k8s.io/ClusterRole", "rbac.authorization.k8s.io/ClusterRoleBinding",
    "storage.k8s.io/StorageClass", "storage.k8s.io/CSIDriver", "storage.k8s.io/CSINode",
    "storage.k8s.io/VolumeAttachment", "storage.k8s.io/VolumeAttributesClass",
    "apiextensions.k8s.io/CustomResourceDefinition", "scheduling.k8s.io/PriorityClass",
    "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io/MutatingWebhookConfiguration",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
    "apiregistration.k8s.io/APIService", "networking.k8s.io/IngressClass",
    "networking.k8s.io/IPAddress", "networking.k8s.io/ServiceCIDR", "node.k8s.io/RuntimeClass",
    "certificates.k8s.io/CertificateSigningRequest", "certificates.k8s.io/ClusterTrustBundle",
    "flowcontrol.apiserver.k8s.io/FlowSchema",
    "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
    "authentication.k8s.io/TokenReview", "authentication.k8s.io/SelfSubjectReview",
    "authorization.k8s.io/SelfSubjectAccessReview", "authorization.k8s.io/SelfSubjectRulesReview",
    "authorization.k8s.io/SubjectAccessReview", "resource.k8s.io/DeviceClass",
    "resource.k8s.io/ResourceSlice",
  ]

  private let clusterScoped: Set<String>

  /// - Parameter customResourceDefinitions: CRD documents; those with `spec.scope:
  ///   Cluster` add their kind.
  public init(customResourceDefinitions: [Node] = []) {
    var kinds = Self.builtInClusterScoped
    for definition in customResourceDefinitions {
      guard let spec = definition["spec"], spec["scope"]?.string == "Cluster",
        let group = spec["group"]?.string, let kind = spec["names"]?["kind"]?.string
      else { continue }
      kinds.insert("\(group)/\(kind)")
    }
    clusterScoped = kinds
  }

  public func isNamespaced(_ resource: Resource) -> Bool {
    !clusterScoped.contains("\(resource.group)/\(resource.kind)")
  }

  /// The same for a rendered resource, from the kind and group it already read.
  public func isNamespaced(_ resource: RenderedResource) -> Bool {
    !clusterScoped.contains(resource.groupKind)
  }
}
