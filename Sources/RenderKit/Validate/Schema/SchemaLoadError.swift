/// A schema bundle or definitions file that cannot be used: unreadable JSON, no
/// definitions, or schemas the compiler does not understand (listed in `diagnostics`).
public struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var diagnostics: [Diagnostic]
  /// The paths of the diagnostics' locations.
  public var fileNames: SourceFileNames

  public init(_ message: String, fileNames: SourceFileNames, diagnostics: [Diagnostic] = []) {
    self.message = message
    self.fileNames = fileNames
    self.diagnostics = diagnostics
  }

  public var description: String {
    ([message] + diagnostics.map { "\(fileNames.describe($0.location)): \($0.message)" })
      .joined(separator: "\n")
  }
}
