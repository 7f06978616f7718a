/// Parses input files with the YAML module and turns its errors into findings.
enum DocumentReader {
  /// Every non-null document of a file.
  static func documents(of file: SourceFile) -> (documents: [Node], diagnostics: [Diagnostic]) {
    do {
      let documents = try YAMLParser.parse(file.text, file: file.path)
      return (documents.filter { !$0.isNull }, [])
    } catch {
      return (
        [],
        error.errors.map {
          .input($0.message, at: $0.location, help: expressionHelp($0.message, $0.location, file))
        }
      )
    }
  }

  /// Help for a YAML error caused by an unquoted `${ }` that holds `: `, which YAML reads
  /// as a mapping key: a ternary or a map literal with spaces.
  static func expressionHelp(
    _ message: String, _ location: SourceLocation, _ file: SourceFile
  ) -> String? {
    guard message.hasPrefix("mapping values are not allowed"),
      let line = file.line(location.line), line.contains("${")
    else { return nil }
    return "an unquoted '${ }' cannot hold ': ' (YAML reads it as a key): write "
      + "'if c then a else b' for 'c ? a : b', map literals as {key:value} without the space, "
      + "or quote the scalar when a string is wanted"
  }

  /// The single document of a settings-style file; an empty file reads as an empty
  /// mapping, a second document is an error.
  static func single(of file: SourceFile) -> (node: Node?, diagnostics: [Diagnostic]) {
    let (documents, diagnostics) = documents(of: file)
    if !diagnostics.isEmpty { return (nil, diagnostics) }
    if documents.count > 1 {
      return (
        nil,
        [
          .input(
            "'\(file.path)' must hold one YAML document, not \(documents.count)",
            at: documents[1].location)
        ]
      )
    }
    return (documents.first ?? Node(.mapping([]), at: .start(of: file.path)), [])
  }
}
