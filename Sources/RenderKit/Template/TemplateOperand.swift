/// The value of a `$merge` or `$append` operand and where to report about it.
struct TemplateOperand {
  var value: Node
  /// The expression's `${` for `${ expr }`, otherwise the operand node.
  var location: SourceLocation
  /// Whether the value came from an expression (and so belongs in the trace).
  var computed: Bool
}
