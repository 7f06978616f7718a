@testable import RenderKit

/// A `MergeStrategyProvider` from a small table with SPEC section 4's merge keys, so the
/// patch tests do not depend on the bundled Kubernetes schema. Paths are dotted, from
/// the resource root, without list indexes.
struct TableMergeStrategies: MergeStrategyProvider {
  static let podSpecLists: [(String, ListMergeStrategy)] = [
    ("containers", .mergeByKey("name")),
    ("initContainers", .mergeByKey("name")),
    ("volumes", .mergeByKey("name")),
    ("containers.env", .mergeByKey("name")),
    ("initContainers.env", .mergeByKey("name")),
    ("containers.volumeMounts", .mergeByKey("mountPath")),
    ("initContainers.volumeMounts", .mergeByKey("mountPath")),
    ("containers.ports", .mergeByKey("containerPort")),
    ("initContainers.ports", .mergeByKey("containerPort")),
  ]

  /// kind -> dotted path -> strategy.
  let table: [String: [String: ListMergeStrategy]]

  init() {
    var table: [String: [String: ListMergeStrategy]] = [:]
    for (kind, podSpec) in [("Pod", "spec"), ("Deployment", "spec.template.spec")] {
      var lists: [String: ListMergeStrategy] = ["metadata.finalizers": .mergePrimitives]
      for (path, strategy) in Self.podSpecLists { lists["\(podSpec).\(path)"] = strategy }
      table[kind] = lists
    }
    table["Service"] = [
      "spec.ports": .mergeByKey("port"), "metadata.finalizers": .mergePrimitives,
    ]
    self.table = table
  }

  func listStrategy(apiVersion: String, kind: String, path: [String]) -> ListMergeStrategy {
    table[kind]?[path.joined(separator: ".")] ?? .replace
  }
}
