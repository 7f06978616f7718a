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
}
