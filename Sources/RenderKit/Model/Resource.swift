/// One rendered Kubernetes object on its way to `rendered/`.
///
/// `body` is the manifest; its nodes keep the locations of the inputs that produced
/// them (template lines for literal text, the service or environment file for
/// substituted values, the patch for patched values).
public struct Resource: Sendable {
  public var body: Node
  /// The service that produced it; `nil` for an environment's own `resources/`.
  public var service: String?
  public var environment: String
  /// The input file (and document) the resource came from: a template file, a vendored
  /// manifest, or an environment resource.
  public var source: SourceLocation
  /// Every other input file the resource depends on (template.yaml, service.yaml, the
  /// environment files of the chain), named in the generated file's header.
  public var inputs: [String] = []
  /// A generated ConfigMap or Secret whose name gets a hash of its final content (after
  /// every patch), carried to every reference (`NameHashTransformer`).
  public var hashesName = false

  public init(body: Node, service: String?, environment: String, source: SourceLocation) {
    self.body = body
    self.service = service
    self.environment = environment
    self.source = source
  }

  public var apiVersion: String { body["apiVersion"]?.string ?? "" }
  public var kind: String { body["kind"]?.string ?? "" }
  public var name: String { body["metadata"]?["name"]?.string ?? "" }
  public var namespace: String? { body["metadata"]?["namespace"]?.string }

  /// The API group: "" for the core group, `apps` for `apps/v1`.
  public var group: String { Self.group(ofAPIVersion: apiVersion) }

  /// The group part of an apiVersion: "" for `v1`, `apps` for `apps/v1`.
  public static func group(ofAPIVersion apiVersion: String) -> String {
    guard let slash = apiVersion.utf8.firstIndex(of: 0x2F /* / */) else { return "" }
    return String(apiVersion[..<slash])
  }

  /// `Kind/name`, as users write it in messages and in `render explain`.
  public var displayName: String { "\(kind)/\(name)" }
}
