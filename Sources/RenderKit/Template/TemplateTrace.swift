/// What the template renderer says, as it walks a document, about where output nodes
/// came from.
///
/// There is one renderer: a build renders through it with `UntracedTemplate`, whose
/// methods do nothing and compile away; `render explain` renders through the very same
/// code with `ExpressionTrace`, which keeps the location of the expression behind every
/// node. Explain cannot take a path a build does not take.
protocol TemplateTrace {
  /// A new document starts at `location`.
  mutating func begin(document location: SourceLocation)
  /// The walk goes down into `component` of the node at the current path.
  mutating func enter(_ component: PathComponent)
  /// The walk comes back up from the last `enter`.
  mutating func leave()
  /// `value`, at the current path, came from the expression at `location`, and so did
  /// everything inside it.
  mutating func record(_ value: Node, at location: SourceLocation)
  /// The entry `key` of the mapping at the current path is set while `builder` holds it
  /// already: what is known about its old value no longer holds.
  mutating func replacing(_ key: String, in builder: MappingBuilder)
}
