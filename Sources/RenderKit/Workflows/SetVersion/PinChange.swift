/// What `render set-version` does to one service in one environment.
public struct PinChange: Hashable, Sendable {
  /// How the pin gets there.
  public enum Edit: Hashable, Sendable {
    /// An existing `version` was rewritten in place.
    case replaced
    /// `version` was added to an existing override.
    case inserted
    /// `environments/<env>/<service>.yaml` was created to hold it.
    case created
    /// The service already resolves to this version there: nothing to do.
    case unchanged
  }

  public var environment: String
  public var service: String
  /// The version the service resolved to in the environment before the change, and
  /// where that came from (possibly service.yaml or a parent environment).
  public var previous: Located<String>?
  public var version: String
  public var edit: Edit
  /// Where the pin is after the change (for `.unchanged`, where the version comes from).
  public var location: SourceLocation

  public init(
    environment: String, service: String, previous: Located<String>?, version: String,
    edit: Edit, location: SourceLocation
  ) {
    self.environment = environment
    self.service = service
    self.previous = previous
    self.version = version
    self.edit = edit
    self.location = location
  }

  /// Set on a pin render added by itself in an environment that inherits the one being
  /// changed, to keep its current version: why, for the command's output.
  public var keptBecause: String?

  public var isChange: Bool { edit != .unchanged }

  /// `checkout 1.14.2 -> 1.15.0`, or `checkout (none) -> 1.15.0` when nothing was set.
  public var summary: String {
    "\(service) \(previous?.value ?? "(none)") -> \(version)"
  }
}
