/// An object that exists in the cluster but is not rendered (a Secret made by an
/// operator, say), listed under `external:` so references to it resolve.
public struct ExternalObject: Hashable, Sendable {
  public var kind: String
  public var name: String
  public var location: SourceLocation

  public init(kind: String, name: String, location: SourceLocation) {
    self.kind = kind
    self.name = name
    self.location = location
  }
}
