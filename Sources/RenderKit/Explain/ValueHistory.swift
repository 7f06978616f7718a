/// One resolved setting of a service in an environment, with every layer that set it,
/// least specific first: the answer to "where did this value come from?".
public struct ValueHistory: Sendable {
  /// One layer's say on the value.
  public struct Setting: Sendable {
    /// What the layer is: "template default", "service", "defaults of base",
    /// "override in prod".
    public var layer: String
    public var location: SourceLocation
    /// The value the layer set; `nil` when the layer removed it with an explicit null.
    public var value: Node?

    public init(layer: String, location: SourceLocation, value: Node?) {
      self.layer = layer
      self.location = location
      self.value = value
    }

    /// A string setting (version, image, namespace), at the place it was written.
    init(layer: String, _ value: Located<String>) {
      self.init(
        layer: layer, location: value.location, value: .string(value.value, at: value.location))
    }

    /// A boolean setting (enabled), at the place it was written.
    init(layer: String, _ value: Located<Bool>) {
      self.init(
        layer: layer, location: value.location,
        value: .scalar(.bool(value.value), at: value.location))
    }
  }

  /// `values.replicas`, `version`, `namespace`...
  public var path: String
  /// The resolved value; `nil` when the last layer removed it.
  public var value: Node?
  public var settings: [Setting]

  /// The setting that decided the value: the last one.
  public var winner: Setting? { settings.last }
}
