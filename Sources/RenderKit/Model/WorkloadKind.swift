/// The built-in kinds that run pods, and where each describes them: one table for the
/// rules that look at containers, the labels render adds to pods, and image pinning.
public enum WorkloadKind {
  /// The pod spec path by `group/Kind` (`/Pod` for the core group). A custom resource
  /// that happens to be called `Deployment` is not in it.
  static let podSpecPaths: [String: [String]] = [
    "/Pod": ["spec"],
    "/ReplicationController": ["spec", "template", "spec"],
    "apps/Deployment": ["spec", "template", "spec"],
    "apps/StatefulSet": ["spec", "template", "spec"],
    "apps/DaemonSet": ["spec", "template", "spec"],
    "apps/ReplicaSet": ["spec", "template", "spec"],
    "batch/Job": ["spec", "template", "spec"],
    "batch/CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
  ]

  /// The lists of a pod spec that hold containers, in the order pods start them.
  public static let containerLists = ["initContainers", "containers", "ephemeralContainers"]

  /// Where `resource` describes its pods, or `nil` when it runs none.
  public static func podSpecPath(of resource: Resource) -> [String]? {
    podSpecPaths["\(resource.group)/\(resource.kind)"]
  }

  /// The metadata of the pod templates of `resource` (for a CronJob, also its job
  /// template's): where labels for its pods go. Empty for a bare Pod and for kinds that
  /// run no pods.
  public static func templateMetadataPaths(of resource: Resource) -> [[String]] {
    guard resource.kind != "Pod", let spec = podSpecPath(of: resource) else { return [] }
    let pods = Array(spec.dropLast()) + ["metadata"]
    return resource.kind == "CronJob" ? [["spec", "jobTemplate", "metadata"], pods] : [pods]
  }

  /// Whether the pods run until stopped (Deployments and the like), as opposed to
  /// running to completion (Jobs, CronJobs).
  public static func isLongRunning(_ kind: String) -> Bool {
    ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController"].contains(kind)
  }
}
