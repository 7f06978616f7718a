/// One compiled schema: a JSON Schema object reduced to what validation and strategic
/// merge read, with `$ref`s already resolved.
///
/// Nodes live in one array and point at each other by index, so recursive definitions
/// (`JSONSchemaProps` refers to itself) need no reference cycles, a `$ref` costs nothing
/// at validation time, and a set of schemas extended with CRDs shares the built-in nodes
/// instead of copying them. A node is a class so that visiting one costs one retain, not
/// one per field; `Draft` is its mutable form while compiling.
final class SchemaNode: Sendable {
  let title: String?
  let types: JSONTypes
  let properties: [String: Int]
  let additionalProperties: Int?
  let rejectsUnknownFields: Bool
  let required: [String]
  let items: Int?
  let enumValues: [Scalar]?
  let format: ValueFormat?
  let allOf: [Int]
  let anyOf: [Int]
  let oneOf: [Int]
  let not: Int?
  let limits: Limits?
  let pattern: Pattern?
  let uniqueItems: Bool
  let listMapKeys: [String]?
  let listIsSet: Bool
  let nullIsAbsent: Bool
  let listStrategy: ListMergeStrategy
  /// Whether the node says nothing but which types it allows: the alternatives of
  /// `IntOrString`'s and `Quantity`'s `oneOf`, which compile to a union of types.
  let isTypeOnly: Bool
  /// Whether the node only lists required fields: `oneOf: [{required: [a]}, {required: [b]}]`
  /// reads better as "set one of 'a', 'b'" than as "matches none of the schemas".
  let isRequiredOnly: Bool

  init(_ draft: Draft) {
    title = draft.title
    types = draft.types
    properties = draft.properties
    additionalProperties = draft.additionalProperties
    rejectsUnknownFields = draft.rejectsUnknownFields
    required = draft.required
    items = draft.items
    enumValues = draft.enumValues
    format = draft.format
    allOf = draft.allOf
    anyOf = draft.anyOf
    oneOf = draft.oneOf
    not = draft.not
    limits = draft.limits
    pattern = draft.pattern
    uniqueItems = draft.uniqueItems
    listMapKeys = draft.listMapKeys
    listIsSet = draft.listIsSet
    nullIsAbsent = draft.nullIsAbsent
    listStrategy = draft.listStrategy
    isTypeOnly =
      draft.properties.isEmpty && draft.additionalProperties == nil
      && !draft.rejectsUnknownFields && draft.required.isEmpty && draft.items == nil
      && draft.enumValues == nil && draft.format == nil && draft.allOf.isEmpty
      && draft.anyOf.isEmpty && draft.oneOf.isEmpty && draft.not == nil && draft.limits == nil
      && draft.pattern == nil && !draft.uniqueItems && draft.listMapKeys == nil
      && !draft.listIsSet
    isRequiredOnly =
      !draft.required.isEmpty && draft.types == .any && draft.properties.isEmpty
      && draft.additionalProperties == nil && draft.items == nil && draft.enumValues == nil
      && draft.allOf.isEmpty && draft.anyOf.isEmpty && draft.oneOf.isEmpty && draft.not == nil
      && draft.limits == nil && draft.pattern == nil
  }

  /// Accepts every value: the placeholder of a definition not compiled yet.
  static let anything = SchemaNode(Draft())

  /// A node while it is being compiled.
  struct Draft {
    /// The definition's short name ("Container") or a custom resource's kind: the "in X"
    /// of messages. `nil` for inline schemas, which messages name by their field.
    var title: String?
    var types: JSONTypes = .any
    /// Property name to node index: one hash lookup per field of a resource.
    var properties: [String: Int] = [:]
    var additionalProperties: Int?
    /// Strictness: a key that is neither in `properties` nor covered by
    /// `additionalProperties` is an error.
    var rejectsUnknownFields = false
    var required: [String] = []
    var items: Int?
    var enumValues: [Scalar]?
    var format: ValueFormat?
    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var limits: Limits?
    var pattern: Pattern?
    var uniqueItems = false
    /// Custom resources only: the API server rejects two items with the same values of
    /// these keys (`x-kubernetes-list-type: map`).
    var listMapKeys: [String]?
    /// Custom resources only: items must be unique (`x-kubernetes-list-type: set`).
    var listIsSet = false
    /// Custom resources only: the API server prunes a `null` of a non-nullable field
    /// before validating, so such a field counts as absent rather than as a wrong type.
    var nullIsAbsent = false
    var listStrategy: ListMergeStrategy = .replace
  }

  /// Bounds that few schemas set, kept out of line so the common node stays small.
  struct Limits: Sendable {
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum = false
    var exclusiveMaximum = false
    var multipleOf: Double?
    var minLength: Int?
    var maxLength: Int?
    var minItems: Int?
    var maxItems: Int?
    var minProperties: Int?
    var maxProperties: Int?
  }

  /// A `pattern`: RE2 syntax, as the API server reads it, searched (not anchored) as
  /// JSON Schema says.
  typealias Pattern = RegexPattern

}
