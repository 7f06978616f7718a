/// The message of the one commit `set-version --commit` or `promote --commit` makes:
///
///     prod: checkout 1.14.2 -> 1.15.0, catalog 3.2.0 -> 3.3.0 (from staging)
///
///     Render-Environment: prod
///     Render-Service: checkout
///     Render-Version: 1.15.0
///     Render-Service: catalog
///     Render-Version: 3.3.0
///
/// The trailers are git's standard `Key: value` block (`git interpret-trailers
/// --parse` reads them), one `Render-Service`/`Render-Version` pair per service in
/// argument order, so tools such as `render history` can find pins without parsing the
/// subject.
public struct VersionCommitMessage: Hashable, Sendable {
  public var environment: String
  /// Only the pins that change something, in argument order.
  public var changes: [PinChange]
  /// The environment versions were promoted from, for `render promote`.
  public var promotedFrom: String?

  public init(environment: String, changes: [PinChange], promotedFrom: String? = nil) {
    self.environment = environment
    self.changes = changes
    self.promotedFrom = promotedFrom
  }

  /// Changes listed in the subject; more go in the body, one per line, so a promotion
  /// of hundreds of services keeps a one-line subject.
  static let changesInSubject = 3

  public var subject: String {
    let list =
      changes.count <= Self.changesInSubject
      ? changes.map(\.summary).joined(separator: ", ") : "\(changes.count) services"
    return "\(environment): \(list)" + (promotedFrom.map { " (from \($0))" } ?? "")
  }

  /// One line per change when the subject only counts them.
  public var body: String {
    guard changes.count > Self.changesInSubject else { return "" }
    return changes.map { "- \($0.summary)\n" }.joined()
  }

  public var trailers: [(key: String, value: String)] {
    var trailers = [(key: "Render-Environment", value: environment)]
    for change in changes {
      trailers.append((key: "Render-Service", value: change.service))
      trailers.append((key: "Render-Version", value: change.version))
    }
    return trailers
  }

  /// The whole message, ending with a newline.
  public var text: String {
    let body = self.body
    return subject + "\n\n" + (body.isEmpty ? "" : body + "\n")
      + trailers.map { "\($0.key): \($0.value)\n" }.joined()
  }
}
