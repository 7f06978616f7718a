/// A string built from a scalar's parts (see `TemplateDocumentRenderer.interpolate`).
struct TemplateInterpolation {
  var text: String
  /// Where the resulting node is located.
  var location: SourceLocation
  /// The first expression, for the trace.
  var first: SourceLocation
}
