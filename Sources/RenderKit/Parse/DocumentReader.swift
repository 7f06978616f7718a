/// Parses input files with the YAML module and turns its errors into findings.
enum DocumentReader {
  /// Every non-null document of a file.
  static func documents(
    of file: SourceFile, in fileNames: SourceFileNames
  ) -> (documents: [Node], diagnostics: [Diagnostic]) {
    do {
      let documents = try YAMLParser.parse(file.text, file: file.path, fileNames: fileNames)
      return (documents.filter { !$0.isNull }, [])
    } catch {
      return (
        [],
        error.errors.map {
          .input(
            $0.message, at: $0.location, help: YAMLSyntaxHelp.help(for: $0, in: file))
        }
      )
    }
  }

  /// The single document of a settings-style file; an empty file reads as an empty
  /// mapping, a second document is an error.
  static func single(
    of file: SourceFile, in fileNames: SourceFileNames
  ) -> (node: Node?, diagnostics: [Diagnostic]) {
    let (documents, diagnostics) = documents(of: file, in: fileNames)
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
    return (documents.first ?? Node(.mapping([]), at: fileNames.start(of: file.path)), [])
  }

  /// The single document of the definition file `name` of a `kind` folder
  /// (`environment.yaml` of `environments/prod`). A missing file is an error at the
  /// folder, with `hint` after the message and `help`; an unreadable one was reported
  /// when it was read.
  static func definition(
    _ name: String, of kind: String, folder: String, in repository: Repository,
    hint: @autoclosure () -> String = "", help: String? = nil
  ) -> (node: Node?, diagnostics: [Diagnostic]) {
    let path = "\(folder)/\(name)"
    guard let file = repository.files[path] else {
      if repository.unreadableFiles.contains(path) { return (nil, []) }
      return (
        nil,
        [
          .input(
            "\(kind) folder '\(folder)' has no \(name)\(hint())",
            at: repository.fileNames.start(of: folder),
            help: help)
        ]
      )
    }
    return single(of: file, in: repository.fileNames)
  }
}
