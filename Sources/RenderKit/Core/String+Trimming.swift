extension String {
  /// Without the whitespace (line breaks included) at either end.
  public var trimmingWhitespace: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  /// Without line breaks at either end: git's one-line answers.
  public var trimmingNewlines: String {
    String(drop(while: \.isNewline).reversed().drop(while: \.isNewline).reversed())
  }
}
