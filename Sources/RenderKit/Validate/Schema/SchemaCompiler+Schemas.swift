/// Compiling one schema (and what it refers to) into nodes.
extension SchemaCompiler {
  /// Compiles `schema` and returns its index. A bare `$ref` returns the index of its
  /// target, so a reference is no node at all.
  mutating func compile(_ schema: Node, dialect: Dialect, inJunctor: Bool = false) -> Int {
    if let entries = schema.mapping, let reference = entries.first(where: { $0.key == "$ref" }),
      entries.allSatisfy({ !Self.constrains($0.key) || $0.key == "$ref" })
    {
      return resolve(reference, dialect: dialect)
    }
    if let accepts = schema.bool {
      return sharedIndex(accepts ? .anything : .nothing)
    }
    return append(
      SchemaNode(compileNode(schema, dialect: dialect, title: nil, inJunctor: inJunctor)))
  }

  mutating func compileNode(
    _ schema: Node, dialect: Dialect, title: String?, inJunctor: Bool
  ) -> SchemaNode.Draft {
    var node = SchemaNode.Draft(title: title)
    guard let entries = schema.mapping else {
      if schema.bool == false { node.types = [] }
      if schema.bool == nil && !schema.isNull {
        report("a schema must be a mapping, not \(schema.typeDescription)", at: schema)
      }
      return node
    }

    var typeGiven = false
    var nullable = false
    var intOrString = false
    var preserveUnknownFields = false
    var embeddedResource = false
    var closedByKeyword = false
    var openByKeyword = false
    var patchStrategy: String?
    var patchMergeKey: String?
    var listType: String?
    var listMapKeys: [String] = []
    var limits = SchemaNode.Limits()
    var hasLimits = false

    for entry in entries {
      let value = entry.value
      if readLimit(entry.key, value, into: &limits) {
        hasLimits = true
        continue
      }
      switch entry.key {
      case "$ref":
        if dialect == .customResource {
          report("'$ref' is not allowed in a CRD schema", at: value)
        } else {
          node.allOf.append(resolve(entry, dialect: dialect))
        }
      case "type":
        typeGiven = true
        node.types = types(value)
      case "properties":
        for property in value.mapping ?? [] {
          node.properties[property.key] = compile(property.value, dialect: dialect)
        }
      case "additionalProperties":
        if let allowed = value.bool {
          if allowed { openByKeyword = true } else { closedByKeyword = true }
        } else {
          node.additionalProperties = compile(value, dialect: dialect)
        }
      case "required":
        node.required = strings(value)
      case "items":
        if value.isSequence {
          report("'items' must be one schema (OpenAPI has no tuple lists)", at: value)
        } else {
          node.items = compile(value, dialect: dialect)
        }
      case "enum":
        node.enumValues = (value.sequence ?? []).compactMap(\.scalar)
      case "format":
        if value.string == "int-or-string" {
          intOrString = true
        } else if let name = value.string {
          node.format = ValueFormat(name: name, customResource: dialect == .customResource)
        }
      case "nullable":
        nullable = value.bool ?? false
      case "allOf":
        node.allOf += (value.sequence ?? []).map { compile($0, dialect: dialect, inJunctor: true) }
      case "anyOf":
        node.anyOf = (value.sequence ?? []).map { compile($0, dialect: dialect, inJunctor: true) }
      case "oneOf":
        node.oneOf = (value.sequence ?? []).map { compile($0, dialect: dialect, inJunctor: true) }
      case "not":
        node.not = compile(value, dialect: dialect, inJunctor: true)
      case "pattern":
        node.pattern = pattern(value)
      case "uniqueItems":
        node.uniqueItems = value.bool ?? false
      case "x-kubernetes-int-or-string":
        intOrString = value.bool ?? false
      case "x-kubernetes-preserve-unknown-fields":
        preserveUnknownFields = value.bool ?? false
      case "x-kubernetes-embedded-resource":
        embeddedResource = value.bool ?? false
      case "x-kubernetes-patch-strategy":
        patchStrategy = value.string
      case "x-kubernetes-patch-merge-key":
        patchMergeKey = value.string
      case "x-kubernetes-list-type":
        listType = value.string
      case "x-kubernetes-list-map-keys":
        listMapKeys = strings(value)
      default:
        // description, default, example, title, x-kubernetes-validations (CEL, which
        // only the API server can evaluate), x-kubernetes-map-type...: no effect here.
        break
      }
    }

    if hasLimits { node.limits = limits }
    if intOrString {
      node.types = [.integer, .string]
      typeGiven = true
    }
    foldTypeAlternatives(into: &node, typeGiven: &typeGiven)
    if nullable && typeGiven { node.types.insert(.null) }

    switch dialect {
    case .builtIn:
      node.rejectsUnknownFields = closedByKeyword
    case .customResource:
      let describesObject = !node.properties.isEmpty || (typeGiven && node.types == .object)
      node.rejectsUnknownFields =
        closedByKeyword
        || (describesObject && !openByKeyword && !preserveUnknownFields && !inJunctor
          && node.additionalProperties == nil)
      node.nullIsAbsent = !nullable
      if embeddedResource {
        // The API server requires both on an embedded object (a Job template in a CRD).
        addResourceFields(to: &node)
        for field in ["apiVersion", "kind"] where !node.required.contains(field) {
          node.required.append(field)
        }
      }
      if listType == "map", !listMapKeys.isEmpty { node.listMapKeys = listMapKeys }
      if listType == "set" { node.listIsSet = true }
    }
    node.listStrategy = listStrategy(
      dialect: dialect, patchStrategy: patchStrategy, mergeKey: patchMergeKey,
      listType: listType, listMapKeys: listMapKeys, items: node.items)
    return node
  }

  /// `oneOf: [{type: string}, {type: integer}]` (IntOrString, Quantity, and the `anyOf`
  /// controller-gen writes for int-or-string fields) becomes a set of allowed types:
  /// cheaper to check and it gives "must be an integer or a string" instead of "matches
  /// none of the alternatives".
  private func foldTypeAlternatives(into node: inout SchemaNode.Draft, typeGiven: inout Bool) {
    for keyPath in [\SchemaNode.Draft.oneOf, \SchemaNode.Draft.anyOf] {
      let alternatives = node[keyPath: keyPath]
      guard !alternatives.isEmpty,
        alternatives.allSatisfy({ nodes.indices.contains($0) && nodes[$0].isTypeOnly })
      else { continue }
      let union = alternatives.reduce(JSONTypes()) { $0.union(nodes[$1].types) }
      node.types = typeGiven ? node.types.intersection(union) : union
      typeGiven = true
      node[keyPath: keyPath] = []
    }
  }

  private func listStrategy(
    dialect: Dialect, patchStrategy: String?, mergeKey: String?, listType: String?,
    listMapKeys: [String], items: Int?
  ) -> ListMergeStrategy {
    if let patchStrategy, patchStrategy.split(separator: ",").contains("merge") {
      if let mergeKey { return .mergeByKey(mergeKey) }
      let scalarTypes: JSONTypes = [.null, .boolean, .integer, .number, .string]
      if let items, nodes.indices.contains(items), scalarTypes.isSuperset(of: nodes[items].types) {
        return .mergePrimitives
      }
      return .replace
    }
    // Built-in lists with `x-kubernetes-list-type: map` but no patch strategy (tolerations
    // and a few others) replace under `kubectl patch`; we do what kubectl does.
    guard dialect == .customResource else { return .replace }
    if listType == "map", let first = listMapKeys.first { return .mergeByKey(first) }
    if listType == "set" { return .mergePrimitives }
    return .replace
  }
}
