/// Where one field of a rendered manifest came from.
public struct FieldExplanation: Sendable {
  public var resource: String
  /// The rendered file, from the repository root.
  public var renderedPath: String
  public var field: [PathComponent]
  public var value: Node
  /// The input line that produced the value (template text, a values layer, a patch).
  public var origin: SourceLocation
  /// The `${ }` in the template that put the value there, when one did.
  public var expression: SourceLocation?
  /// The patch that set the value, when one did.
  public var patch: SourceLocation?
  /// Every layer that set the value, when it came from `values`, `version`, `image`...
  public var history: ValueHistory?
}
