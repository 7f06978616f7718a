/// The closed sets of values the API server accepts, from Kubernetes 1.31: the constants
/// of `pkg/apis/*/types.go` that the validation code of `pkg/apis/*/validation` checks
/// against (the OpenAPI documents render bundles publish none of these as `enum`).
/// Update them together with the bundled schema.
enum KubernetesEnums {
  static let kubernetesVersion = "1.31"

  // core/v1 Pod
  static let imagePullPolicy = ["Always", "IfNotPresent", "Never"]
  static let restartPolicy = ["Always", "OnFailure", "Never"]
  static let dnsPolicy = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]
  static let protocols = ["TCP", "UDP", "SCTP"]
  static let tolerationOperator = ["Equal", "Exists"]
  static let taintEffect = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
  static let terminationMessagePolicy = ["File", "FallbackToLogsOnError"]
  static let containerRestartPolicy = ["Always"]
  static let probeHandlers = ["exec", "httpGet", "tcpSocket", "grpc"]
  static let httpSchemes = ["HTTP", "HTTPS"]
  /// Resource names a container may request without a domain prefix.
  static let containerResources = ["cpu", "memory", "ephemeral-storage"]
  /// The keys of `VolumeSource`: a volume sets exactly one.
  static let volumeSources = [
    "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret",
    "nfs", "iscsi", "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder",
    "cephfs", "flocker", "downwardAPI", "fc", "azureFile", "configMap", "vsphereVolume",
    "quobyte", "azureDisk", "photonPersistentDisk", "projected", "portworxVolume", "scaleIO",
    "storageos", "csi", "ephemeral", "image",
  ]
  static let envVarSources = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"]

  // core/v1 Service
  static let serviceType = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]
  static let sessionAffinity = ["ClientIP", "None"]
  static let trafficPolicy = ["Cluster", "Local"]
  static let ipFamilyPolicy = ["SingleStack", "PreferDualStack", "RequireDualStack"]
  static let ipFamily = ["IPv4", "IPv6"]
  /// The API server's default `--service-node-port-range`.
  static let nodePortRange = 30000...32767

  // core/v1 PersistentVolumeClaim
  static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
  static let volumeMode = ["Block", "Filesystem"]

  // core/v1 Secret: the keys a typed Secret must carry.
  static let secretRequiredKeys: [String: [String]] = [
    "kubernetes.io/tls": ["tls.crt", "tls.key"],
    "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
    "kubernetes.io/dockercfg": [".dockercfg"],
    "kubernetes.io/ssh-auth": ["ssh-privatekey"],
  ]

  // apps/v1
  static let deploymentStrategy = ["Recreate", "RollingUpdate"]
  static let statefulSetUpdateStrategy = ["RollingUpdate", "OnDelete"]
  static let daemonSetUpdateStrategy = ["RollingUpdate", "OnDelete"]
  static let podManagementPolicy = ["OrderedReady", "Parallel"]
  static let pvcRetentionPolicy = ["Retain", "Delete"]

  // batch/v1
  static let jobRestartPolicy = ["OnFailure", "Never"]
  static let completionMode = ["NonIndexed", "Indexed"]
  static let concurrencyPolicy = ["Allow", "Forbid", "Replace"]
  /// robfig/cron's descriptors, which `ParseStandard` accepts in place of five fields.
  static let cronDescriptors = [
    "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly",
  ]

  // meta/v1 LabelSelector
  static let selectorOperator = ["In", "NotIn", "Exists", "DoesNotExist"]

  // networking.k8s.io/v1
  static let pathType = ["Exact", "Prefix", "ImplementationSpecific"]
  static let policyTypes = ["Ingress", "Egress"]

  // autoscaling/v2
  static let metricSourceType = ["ContainerResource", "External", "Object", "Pods", "Resource"]
  static let metricTargetType = ["AverageValue", "Utilization", "Value"]
  static let scalingPolicySelect = ["Disabled", "Max", "Min"]
  static let scalingPolicyType = ["Percent", "Pods"]

  // policy/v1
  static let unhealthyPodEvictionPolicy = ["AlwaysAllow", "IfHealthyBudget"]

  // rbac.authorization.k8s.io/v1
  static let rbacGroup = "rbac.authorization.k8s.io"
  static let subjectKind = ["Group", "ServiceAccount", "User"]
}
