import Synchronization

/// The keys parsers ask `FieldReader`s for, by subject ("service.yaml", "'argocd' in
/// render.yaml"), while `FieldReader.keyLog` is set: what a test compares with the JSON
/// Schemas for editors in `editor-schemas/`, so they list exactly the keys the parsers
/// read.
public final class FieldKeyLog: Sendable {
  private let keys = Mutex<[String: Set<String>]>([:])

  public init() {}

  func record(_ known: Set<String>, subject: String) {
    keys.withLock { $0[subject, default: []].formUnion(known) }
  }

  /// Keys by subject.
  public var recorded: [String: Set<String>] { keys.withLock { $0 } }
}
