/// A template parameter's schema: the JSON-Schema subset SPEC.md allows (`type`,
/// `default`, `enum`, `minimum`, `maximum`, `pattern`, `properties`, `items`,
/// `required`, `additionalProperties`).
public final class ParameterSchema: Sendable {
  public enum ValueType: String, Sendable, CaseIterable {
    case string, integer, number, boolean, object, array, null
  }

  public enum Additional: Sendable {
    case allowed
    case forbidden
    case schema(ParameterSchema)
  }

  public struct Property: Sendable {
    public var name: String
    public var schema: ParameterSchema
  }

  /// Allowed types; empty allows any.
  public let types: [ValueType]
  /// `default:` as written; `.some(null)` when the default is an explicit null.
  public let defaultValue: Node?
  public let allowedValues: [Node]?
  public let minimum: Double?
  public let maximum: Double?
  public let pattern: RegexPattern?
  public let properties: [Property]
  public let required: [Located<String>]
  public let additional: Additional
  public let items: ParameterSchema?
  /// `mergeKey: name` on a list of mappings: layers merge its items by that field (see
  /// `MergePatch`) instead of replacing the list.
  public let mergeKey: String?
  public let description: String?
  /// Where the schema is written (template.yaml).
  public let location: SourceLocation

  public init(
    types: [ValueType] = [], defaultValue: Node? = nil, allowedValues: [Node]? = nil,
    minimum: Double? = nil, maximum: Double? = nil, pattern: RegexPattern? = nil,
    properties: [Property] = [], required: [Located<String>] = [],
    additional: Additional = .allowed, items: ParameterSchema? = nil,
    mergeKey: String? = nil, description: String? = nil, location: SourceLocation
  ) {
    self.mergeKey = mergeKey
    self.types = types
    self.defaultValue = defaultValue
    self.allowedValues = allowedValues
    self.minimum = minimum
    self.maximum = maximum
    self.pattern = pattern
    self.properties = properties
    self.required = required
    self.additional = additional
    self.items = items
    self.description = description
    self.location = location
  }

  public func property(_ name: String) -> ParameterSchema? {
    properties.first { $0.name == name }?.schema
  }

  /// The schema of the value under `key`: a declared property, or the schema of
  /// additional properties.
  func child(_ key: String) -> ParameterSchema? {
    if let schema = property(key) { return schema }
    if case .schema(let schema) = additional { return schema }
    return nil
  }

  /// Whether null is a valid value: the type says so, or the default is null.
  public var allowsNull: Bool {
    types.isEmpty || types.contains(.null) || defaultValue?.isNull == true
  }
}
