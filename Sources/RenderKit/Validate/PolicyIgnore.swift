/// One `policy.ignore` entry: a rule switched off for the resources it names.
public struct PolicyIgnore: Sendable {
  public var rule: RuleID
  /// Globs (`*`); an absent field matches everything.
  public let service: String?
  public let kind: String?
  public let name: String?
  public var location: SourceLocation
  /// The three globs, compiled once: ignores are checked for every resource and rule.
  private let globs: (service: Glob?, kind: Glob?, name: Glob?)

  public init(
    rule: RuleID, service: String? = nil, kind: String? = nil, name: String? = nil,
    location: SourceLocation
  ) {
    self.rule = rule
    self.service = service
    self.kind = kind
    self.name = name
    self.location = location
    globs = (service.map(Glob.init), kind.map(Glob.init), name.map(Glob.init))
  }

  public func matches(_ resource: Resource) -> Bool {
    func fits(_ glob: Glob?, _ value: String?) -> Bool {
      guard let glob else { return true }
      guard let value else { return false }
      return glob.matches(value)
    }
    return fits(globs.service, resource.service) && fits(globs.kind, resource.kind)
      && fits(globs.name, resource.name)
  }
}
