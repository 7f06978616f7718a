/// One layer of values for one service in one environment, in the order SPEC.md
/// section 3 merges them; kept so `render explain` can show every layer that set a
/// value.
public struct ValueLayer: Sendable {
  public enum Kind: String, Sendable {
    case templateDefaults = "template defaults"
    case service = "service"
    case environmentDefaults = "environment defaults"
    case environmentOverride = "environment override"
  }

  public var kind: Kind
  /// The file that holds the layer.
  public var file: String
  /// The environment of an environment layer.
  public var environment: String?
  /// The values the layer sets (a mapping).
  public var values: Node

  public init(kind: Kind, file: String, environment: String?, values: Node) {
    self.kind = kind
    self.file = file
    self.environment = environment
    self.values = values
  }
}
