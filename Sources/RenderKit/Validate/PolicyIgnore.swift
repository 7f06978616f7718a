/// One `policy.ignore` entry: a rule switched off for the resources it names.
public struct PolicyIgnore: Sendable {
  public var rule: String
  /// Globs (`*`); an absent field matches everything.
  public var service: String?
  public var kind: String?
  public var name: String?
  public var location: SourceLocation

  public init(
    rule: String, service: String? = nil, kind: String? = nil, name: String? = nil,
    location: SourceLocation
  ) {
    self.rule = rule
    self.service = service
    self.kind = kind
    self.name = name
    self.location = location
  }

  public func matches(_ resource: Resource) -> Bool {
    func fits(_ pattern: String?, _ value: String?) -> Bool {
      guard let pattern else { return true }
      guard let value else { return false }
      return Glob(pattern).matches(value)
    }
    return fits(service, resource.service) && fits(kind, resource.kind) && fits(name, resource.name)
  }
}
