/// A command line that names what the repository does not have (an unknown `--env` or
/// `--service`, a refused `--output`): the CLI prints the message and exits 64.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
