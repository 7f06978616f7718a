extension VersionMatrix {
  /// What `render versions` shows: the matrix of `platform` as a render would resolve
  /// it, with every finding of the inputs (parse and resolve, each once, sorted). The
  /// matrix is only meaningful when the findings have no errors.
  public static func read(
    _ platform: Platform, parseDiagnostics: [Diagnostic]
  ) -> (matrix: VersionMatrix, diagnostics: [Diagnostic]) {
    let (matrix, resolveDiagnostics) = make(platform)
    var seen: Set<Diagnostic> = []
    let diagnostics = (parseDiagnostics + resolveDiagnostics)
      .filter { seen.insert($0).inserted }.sortedForOutput()
    return (matrix, diagnostics)
  }
}
