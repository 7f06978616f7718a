/// A container image reference taken apart: `registry:5000/repo/name:tag@sha256:...`.
///
/// The one place render splits and builds image references: the tag is the part after
/// the last `:` of the last path segment (a `:` before the last `/` is a registry port),
/// the digest the part after `@`.
public struct ImageReference: Equatable, Sendable {
  public var repository: String
  public var tag: String?
  public var digest: String?

  public init(_ reference: String) {
    var rest = Substring(reference)
    if let at = rest.firstIndex(of: "@") {
      digest = String(rest[rest.index(after: at)...])
      rest = rest[..<at]
    }
    let lastSlash = rest.lastIndex(of: "/")
    if let colon = rest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true {
      tag = String(rest[rest.index(after: colon)...])
      rest = rest[..<colon]
    }
    repository = String(rest)
  }

  /// What pins the image: the digest when there is one, else the tag.
  public var version: String? { digest ?? tag }

  /// `image:tag`, or `image@sha256:…` when `version` is a digest.
  public static func reference(image: String, version: String) -> String {
    version.hasPrefix("sha256:") ? "\(image)@\(version)" : "\(image):\(version)"
  }
}
