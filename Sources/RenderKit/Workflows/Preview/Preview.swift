/// `render preview ENV [SERVICE]`: the rendered manifests of an environment, or of one
/// service in it, as one YAML stream.
public enum Preview {
  /// Fails when `service` is disabled in `environment`: there is nothing to preview.
  public static func checkEnabled(
    _ service: String?, in environment: String, of compilation: Compilation
  ) throws(WorkflowError) {
    guard let service, let resolved = compilation.services[environment]?[service],
      !resolved.isEnabled
    else { return }
    let place = resolved.enabled.map { " (\($0.location))" } ?? ""
    throw .failed(
      message:
        "render: service '\(service)' is disabled in '\(environment)'\(place): nothing to preview\n"
        + "  help: set 'enabled: true' in environments/\(environment)/\(service).yaml to render it there\n"
    )
  }

  /// Every file of `environment` (or of its `service`) in `tree`, each a document
  /// preceded by a comment naming the file render would write it to.
  public static func stream(of tree: OutputTree, environment: String, service: String?) -> String {
    let prefix = service.map { "\(environment)/\($0)/" } ?? "\(environment)/"
    var documents: [String] = []
    for file in tree.files where file.path.hasPrefix(prefix) {
      documents.append("# \(tree.displayPath(file.path))\n" + body(of: file.contents))
    }
    return documents.joined(separator: "---\n")
  }

  /// The file without render's header comment.
  static func body(of contents: [UInt8]) -> String {
    GeneratedHeader.split(contents).map { String($0.body) }
      ?? String(decoding: contents, as: UTF8.self)
  }
}
