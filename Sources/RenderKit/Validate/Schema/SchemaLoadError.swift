/// A schema bundle or definitions file that cannot be used: unreadable JSON, no
/// definitions, or schemas the compiler does not understand (listed in `diagnostics`).
public struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var diagnostics: [Diagnostic]

  public init(_ message: String, diagnostics: [Diagnostic] = []) {
    self.message = message
    self.diagnostics = diagnostics
  }

  public var description: String {
    ([message] + diagnostics.map { "\($0.location): \($0.message)" }).joined(separator: "\n")
  }
}
