/// `ValidatePersistentVolumeClaimSpec` (`pkg/apis/core/validation`): access modes,
/// storage request, volume mode, storage class name.
struct PersistentVolumeClaimCheck: APIServerCheck {
  let kinds: Set<String> = ["/PersistentVolumeClaim"]

  func check(_ object: inout APIServerObject) {
    let spec: [PathComponent] = [.key("spec")]
    let modes = object.value(at: spec + [.key("accessModes")])?.sequence ?? []
    if modes.isEmpty {
      object.required(
        spec + [.key("accessModes")], "at least 1 access mode is required",
        help: "add accessModes: [ReadWriteOnce]")
    }
    for index in modes.indices {
      object.checkEnum(spec + [.key("accessModes"), .index(index)], KubernetesEnums.accessModes)
    }
    if modes.count > 1, modes.contains(where: { $0.string == "ReadWriteOncePod" }) {
      object.forbidden(
        spec + [.key("accessModes")], "may not use ReadWriteOncePod with other access modes",
        help: "ReadWriteOncePod stands alone")
    }
    let storage = spec + [.key("resources"), .key("requests"), .key("storage")]
    if let amount = object.value(at: storage) {
      if let value = QuantityValue.parse(amount), value <= 0 {
        object.invalid(
          storage, amount, "must be greater than zero",
          help: "request the size of the volume, e.g. 10Gi")
      }
    } else if object.value(at: spec + [.key("dataSource")]) == nil
      && object.value(at: spec + [.key("dataSourceRef")]) == nil
    {
      object.required(storage, help: "request the size of the volume, e.g. 10Gi")
    }
    object.checkEnum(spec + [.key("volumeMode")], KubernetesEnums.volumeMode)
    if let className = object.value(at: spec + [.key("storageClassName")])?.string,
      !className.isEmpty
    {
      object.checkSyntax(
        spec + [.key("storageClassName")], KubernetesSyntax.dns1123Subdomain,
        help: "name a StorageClass")
    }
    object.checkLabelSelector(spec + [.key("selector")])
  }

  var examples: [RuleExample] {
    [
      RuleExample(
        "volume claims: no access mode and no storage request", triggers: true,
        manifests: """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data}
          spec:
            storageClassName: fast
          """),
      RuleExample(
        "volume claims: access mode `ReadWriteAll`", triggers: true,
        manifests: """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data}
          spec:
            accessModes: [ReadWriteAll]
            resources: {requests: {storage: 10Gi}}
          """),
      RuleExample(
        "volume claims: an access mode, a size, a volume mode", triggers: false,
        manifests: """
          apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: data}
          spec:
            accessModes: [ReadWriteOnce]
            volumeMode: Filesystem
            resources: {requests: {storage: 10Gi}}
          """),
    ]
  }
}
