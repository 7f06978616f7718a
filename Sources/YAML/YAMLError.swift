/// A problem in a YAML file: a syntax error, a duplicate key, an unsupported tag, or a
/// document that exceeds the parser's limits.
public struct YAMLError: Error, Hashable, Sendable {
  public var message: String
  public var location: SourceLocation

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }
}
