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
    // Every separator is ASCII: search the UTF-8 bytes, whose indexes are the string's.
    var rest = Substring(reference)
    if let at = rest.utf8.firstIndex(of: 0x40 /* @ */) {
      digest = String(rest[rest.utf8.index(after: at)...])
      rest = rest[..<at]
    }
    let lastSlash = rest.utf8.lastIndex(of: 0x2F /* / */)
    if let colon = rest.utf8.lastIndex(of: 0x3A /* : */), lastSlash.map({ colon > $0 }) ?? true {
      tag = String(rest[rest.utf8.index(after: colon)...])
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

  /// Whether `version` can pin an image: a tag (up to 128 of `[A-Za-z0-9_.-]`, not
  /// starting with `.` or `-`) or `sha256:` and 64 lowercase hex digits.
  /// Whether an image repository names its registry (`ghcr.io/acme/x`,
  /// `localhost:5000/x`), as Docker reads it: the first path component has a `.` or a
  /// `:`, or is `localhost`. `acme/checkout` and `checkout` do not.
  public static func hasRegistry(_ repository: String) -> Bool {
    guard let slash = repository.firstIndex(of: "/") else { return false }
    let host = repository[..<slash]
    return host.contains(".") || host.contains(":") || host == "localhost"
  }

  public static func isValidVersion(_ version: String) -> Bool {
    if version.hasPrefix("sha256:") {
      let hex = version.dropFirst("sha256:".count)
      return hex.count == 64
        && hex.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
    guard let first = version.utf8.first, version.utf8.count <= 128,
      first != 0x2E /* . */, first != 0x2D /* - */
    else { return false }
    return version.utf8.allSatisfy {
      ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122)
        || $0 == 0x5F /* _ */ || $0 == 0x2E /* . */ || $0 == 0x2D /* - */
    }
  }
  /// Why a version is refused, for messages.
  public static let versionHelp =
    "a tag is up to 128 of [A-Za-z0-9_.-] not starting with '.' or '-'; a digest is sha256: and 64 lowercase hex digits"
}
