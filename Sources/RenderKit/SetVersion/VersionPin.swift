/// One version to pin: a `SERVICE VERSION` or `SERVICE=VERSION` argument of
/// `render set-version`, or a service `render promote` copies.
public struct VersionPin: Hashable, Sendable {
  public var service: String
  public var version: String

  public init(service: String, version: String) {
    self.service = service
    self.version = version
  }

  /// `checkout=1.15.0`; `nil` without an `=` or with nothing on either side of it.
  public init?(argument: String) {
    guard let equals = argument.firstIndex(of: "=") else { return nil }
    let service = String(argument[..<equals])
    let version = String(argument[argument.index(after: equals)...])
    guard !service.isEmpty, !version.isEmpty else { return nil }
    self.init(service: service, version: version)
  }

  /// Whether `version` is what the resolver accepts: an image tag (up to 128 of
  /// `[A-Za-z0-9_.-]`, not starting with `.` or `-`) or `sha256:` and 64 hex digits.
  public static func isValidVersion(_ version: String) -> Bool {
    ServiceResolver.isValidVersion(version)
  }

  /// Why a version is refused, for messages.
  public static let versionHelp =
    "a tag is up to 128 of [A-Za-z0-9_.-] not starting with '.' or '-'; a digest is sha256: and 64 lowercase hex digits"
}
