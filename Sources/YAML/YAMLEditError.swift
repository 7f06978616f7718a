/// Why a comment-preserving edit was refused: the text does not parse, holds several
/// documents, or the value at the path is not a plain, quoted or missing scalar.
///
/// Nothing is changed when this is thrown; the message says what to edit by hand.
public struct YAMLEditError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public var location: SourceLocation

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): \(message)" }
}
