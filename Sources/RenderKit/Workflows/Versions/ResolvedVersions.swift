/// What `render versions` prints: the matrix, and the findings of parsing and resolving
/// the platform, deduplicated and sorted.
public struct ResolvedVersions: Sendable, Equatable {
  public var matrix: VersionMatrix
  public var diagnostics: [Diagnostic]

  public init(matrix: VersionMatrix, diagnostics: [Diagnostic]) {
    self.matrix = matrix
    self.diagnostics = diagnostics
  }
}
