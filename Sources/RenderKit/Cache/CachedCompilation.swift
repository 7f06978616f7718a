/// The part of a `Compilation` that commands comparing or writing the output use, as
/// `CompilationCache` keeps it: the output tree, the findings and how many resources
/// each environment rendered.
public struct CachedCompilation: Sendable {
  public var tree: OutputTree
  public var diagnostics: [Diagnostic]
  /// Rendered resources per environment (what `validate` reports).
  public var resourceCounts: [String: Int]

  public init(tree: OutputTree, diagnostics: [Diagnostic], resourceCounts: [String: Int]) {
    self.tree = tree
    self.diagnostics = diagnostics
    self.resourceCounts = resourceCounts
  }

  public init(_ compilation: Compilation) {
    self.init(
      tree: compilation.tree, diagnostics: compilation.diagnostics,
      resourceCounts: Dictionary(
        compilation.compiledEnvironments.map { ($0.name, $0.resourceCount) },
        uniquingKeysWith: { first, _ in first }))
  }

  public var hasErrors: Bool { diagnostics.hasErrors }
}
