/// What a patch does to each resource it matches.
public enum PatchOperation: Sendable {
  /// A Kubernetes strategic merge patch (`merge:`), always a mapping.
  case merge(Node)
  /// An RFC 6902 JSON patch (`json:`), applied all or nothing to each resource.
  case json([JSONPatchOperation])
}
