/// A loaded repository after the Parse stage: the platform and every finding of loading
/// and parsing it.
public struct ParsedRepository: Sendable {
  public var platform: Platform
  public var diagnostics: [Diagnostic]
}
