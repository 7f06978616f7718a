/// What a schema is looked up by: a resource's `apiVersion` and `kind` as written in it
/// (`apps/v1`, `Deployment`), so a lookup needs no parsing.
struct SchemaKey: Hashable, Sendable {
  var apiVersion: String
  var kind: String

  init(apiVersion: String, kind: String) {
    self.apiVersion = apiVersion
    self.kind = kind
  }

  /// From `x-kubernetes-group-version-kind` or a CRD: the core group is "" and its
  /// apiVersion is just the version (`v1`).
  init(group: String, version: String, kind: String) {
    self.init(apiVersion: group.isEmpty ? version : "\(group)/\(version)", kind: kind)
  }
}
