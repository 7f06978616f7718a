/// The result of `YAMLTextEditor.setString`: the whole edited text, and where the value
/// now is.
public struct YAMLTextEdit: Hashable, Sendable {
  /// What happened to the value at the path.
  public enum Change: Hashable, Sendable {
    /// An existing scalar was replaced; `previous` is the value it had.
    case replaced(previous: Scalar)
    /// The key was missing and a new entry was written into its mapping.
    case inserted
    /// The value was already the string asked for; `text` is the input, byte for byte.
    case unchanged
  }

  /// The edited text: every byte outside the edited token is the input's.
  public var text: String
  public var change: Change
  /// The start of the value in `text` (1-based line, column in characters).
  public var location: SourceLocation

  public init(text: String, change: Change, location: SourceLocation) {
    self.text = text
    self.change = change
    self.location = location
  }
}
