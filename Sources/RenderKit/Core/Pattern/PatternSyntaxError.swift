/// Why a `pattern` is not a regular expression RE2 (the API server's engine) accepts,
/// and where in the pattern the trouble starts.
public struct PatternSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, in RE2's terms: "lookahead `(?=` is not supported".
  public let message: String
  /// Offset of the offending construct, in Unicode scalars from the start of the pattern.
  public let offset: Int
  /// What to write instead, when there is a usual fix.
  public let help: String?

  public init(_ message: String, at offset: Int, help: String? = nil) {
    self.message = message
    self.offset = offset
    self.help = help
  }

  public var description: String { message }
}
