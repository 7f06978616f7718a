/// The names a template expression can read: `service`, `values` and `env` for manifest
/// templates, `values` alone for `when:` conditions, `env` for environment resources.
///
/// Values are nodes, so a value substituted into a manifest keeps the location of the
/// input line that set it.
public struct TemplateScope: Sendable {
  let names: [String: Node]
  /// The paths of the values' locations, for messages that point at one.
  let fileNames: SourceFileNames

  public init(_ names: [String: Node], fileNames: SourceFileNames) {
    self.names = names
    self.fileNames = fileNames
  }

  /// The value of a top-level name, if it is in scope.
  public subscript(name: String) -> Node? { names[name] }

  /// The names in scope, sorted, for "did you mean" and help messages.
  var sortedNames: [String] { names.keys.sorted() }
}
