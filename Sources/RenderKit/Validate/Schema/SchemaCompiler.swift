/// Compiles JSON Schema documents, parsed into `Node` trees, into `SchemaNode`s.
///
/// The same compiler reads the bundled Kubernetes definitions and the `openAPIV3Schema`
/// of CRDs; `Dialect` holds where the two differ. Reading schemas as `Node`s (the bundle
/// is JSON, which our YAML parser reads) means one reader for both, with source
/// locations for findings about a CRD.
struct SchemaCompiler {
  /// How a schema is read where built-in and custom resource semantics differ.
  enum Dialect {
    /// The bundled Kubernetes definitions: the strict flavour says
    /// `additionalProperties: false` wherever unknown fields are errors, and lists merge
    /// only by `x-kubernetes-patch-strategy`, as `kubectl patch` does.
    case builtIn
    /// A CRD's structural schema: the API server drops fields a schema does not
    /// specify (we report them, since a dropped field is a setting silently lost) unless
    /// `x-kubernetes-preserve-unknown-fields` is set, prunes `null`s of non-nullable
    /// fields, and lists merge by `x-kubernetes-list-type`.
    case customResource
  }

  static let objectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
  static let quantityDefinition = "io.k8s.apimachinery.pkg.api.resource.Quantity"

  private(set) var nodes: [SchemaNode]
  /// Definition name (`io.k8s.api.core.v1.Container`) to node index.
  private(set) var definitions: [String: Int]
  /// Findings about the schemas themselves (rule `input`): a CRD with a bad pattern, an
  /// unknown type, a `$ref` nothing defines.
  private(set) var diagnostics: [Diagnostic] = []
  private var shared: [SharedNode: Int] = [:]

  private enum SharedNode: Hashable {
    case anything
    case nothing
    case string
    case object
  }

  /// Definitions known by name but not compiled yet: each is compiled when something
  /// first refers to it (see `definition(named:)`).
  private var uncompiled: [String: Node] = [:]
  /// Definitions given an index whose bodies still wait to be compiled.
  private var queue: [(index: Int, name: String, body: Node)] = []

  /// - Parameters: the nodes and definitions of schemas compiled before, which the new
  ///   ones may refer to (CRDs use the built-in `ObjectMeta`).
  init(nodes: [SchemaNode] = [], definitions: [String: Int] = [:]) {
    self.nodes = nodes
    self.definitions = definitions
  }

  // MARK: Definitions

  /// Forgets the findings so far: a copy extended with CRDs reports only its own.
  mutating func clearDiagnostics() {
    diagnostics = []
  }

  /// Makes a `$defs` (or `definitions`) mapping known without compiling it: a build
  /// validates a handful of kinds, and compiling all 600-odd Kubernetes definitions cost
  /// more than validating a thousand resources.
  mutating func addDefinitions(_ entries: [Node.Entry]) {
    for entry in entries where definitions[entry.key] == nil {
      uncompiled[entry.key] = entry.value
    }
  }

  /// Adds the definitions and compiles them all, so that `diagnostics` covers every one
  /// (a schema folder's `_definitions.json` is checked whole).
  mutating func compileDefinitions(_ entries: [Node.Entry]) {
    addDefinitions(entries)
    for entry in entries {
      _ = definition(named: entry.key)
    }
  }

  /// The index of the named definition, compiling it (and what it refers to) on first
  /// use. References get their index before their body is compiled, so cycles resolve.
  mutating func definition(named name: String) -> Int? {
    guard let index = reserve(name) else { return nil }
    while let job = queue.popLast() {
      let title = job.name.split(separator: ".").last.map(String.init) ?? job.name
      var node = compileNode(job.body, dialect: .builtIn, title: title, inJunctor: false)
      if job.name == Self.quantityDefinition {
        node.format = .quantity
      }
      nodes[job.index] = SchemaNode(node)
    }
    return index
  }

  /// The definition's index; a definition not compiled yet gets a placeholder node and
  /// joins the queue.
  private mutating func reserve(_ name: String) -> Int? {
    if let index = definitions[name] { return index }
    guard let body = uncompiled.removeValue(forKey: name) else { return nil }
    let index = append(.anything)
    definitions[name] = index
    queue.append((index, name, body))
    return index
  }

  /// Each `x-kubernetes-group-version-kind` of the definitions with the name of the
  /// definition that is its schema.
  static func groupVersionKinds(of entries: [Node.Entry]) -> [SchemaKey: String] {
    var roots: [SchemaKey: String] = [:]
    for entry in entries {
      for gvk in entry.value["x-kubernetes-group-version-kind"]?.sequence ?? [] {
        guard let version = gvk["version"]?.string, let kind = gvk["kind"]?.string else { continue }
        let group = gvk["group"]?.string ?? ""
        roots[SchemaKey(group: group, version: version, kind: kind)] = entry.key
      }
    }
    return roots
  }

  // MARK: Custom resources

  /// Compiles a CRD version's `openAPIV3Schema` as the schema of a whole resource.
  mutating func compileCustomResource(_ schema: Node, kind: String) -> Int {
    var node = compileNode(schema, dialect: .customResource, title: kind, inJunctor: false)
    addResourceFields(to: &node)
    return append(SchemaNode(node))
  }

  /// `apiVersion`, `kind` and `metadata` are valid on every resource whatever its schema
  /// says, and the API server validates `metadata` as `ObjectMeta`; CRD schemas often
  /// say just `metadata: {type: object}`, which would otherwise reject every label.
  private mutating func addResourceFields(to node: inout SchemaNode.Draft) {
    node.properties["apiVersion"] = sharedIndex(.string)
    node.properties["kind"] = sharedIndex(.string)
    node.properties["metadata"] =
      definition(named: Self.objectMetaDefinition) ?? sharedIndex(.object)
  }

  // MARK: Schemas

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

  private mutating func compileNode(
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
      case "minimum":
        limits.minimum = number(value)
        hasLimits = true
      case "maximum":
        limits.maximum = number(value)
        hasLimits = true
      case "exclusiveMinimum":
        // OpenAPI 3.0 (CRDs) says `true` next to `minimum`; JSON Schema 2020-12 gives
        // the bound itself.
        if let flag = value.bool {
          limits.exclusiveMinimum = flag
        } else if let bound = number(value) {
          limits.minimum = bound
          limits.exclusiveMinimum = true
        }
        hasLimits = true
      case "exclusiveMaximum":
        if let flag = value.bool {
          limits.exclusiveMaximum = flag
        } else if let bound = number(value) {
          limits.maximum = bound
          limits.exclusiveMaximum = true
        }
        hasLimits = true
      case "multipleOf":
        limits.multipleOf = number(value).flatMap { $0 > 0 ? $0 : nil }
        hasLimits = true
      case "minLength":
        limits.minLength = value.int
        hasLimits = true
      case "maxLength":
        limits.maxLength = value.int
        hasLimits = true
      case "minItems":
        limits.minItems = value.int
        hasLimits = true
      case "maxItems":
        limits.maxItems = value.int
        hasLimits = true
      case "minProperties":
        limits.minProperties = value.int
        hasLimits = true
      case "maxProperties":
        limits.maxProperties = value.int
        hasLimits = true
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

  // MARK: Reading keywords

  /// Keywords that change what is valid; a `$ref` next to nothing else (or next to
  /// descriptions and patch hints) is the referenced node itself.
  private static func constrains(_ keyword: String) -> Bool {
    switch keyword {
    case "type", "properties", "additionalProperties", "required", "items", "enum", "format",
      "nullable", "allOf", "anyOf", "oneOf", "not", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems",
      "minProperties", "maxProperties", "pattern", "uniqueItems", "x-kubernetes-int-or-string",
      "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource":
      true
    default:
      false
    }
  }

  /// `#/$defs/NAME`, `#/definitions/NAME` or a kind file's
  /// `/api/_definitions.json#/$defs/NAME`: definition names hold no `/`.
  private mutating func resolve(_ reference: Node.Entry, dialect: Dialect) -> Int {
    guard dialect == .builtIn else {
      report("'$ref' is not allowed in a CRD schema", at: reference.value)
      return sharedIndex(.anything)
    }
    guard let target = reference.value.string,
      let name = target.split(separator: "/").last.map(String.init),
      let index = reserve(name)
    else {
      report("'$ref' to \(reference.value.string ?? "?") names no definition", at: reference.value)
      return sharedIndex(.anything)
    }
    return index
  }

  private mutating func types(_ value: Node) -> JSONTypes {
    let names = value.string.map { [$0] } ?? strings(value)
    var result: JSONTypes = []
    for name in names {
      if let type = JSONTypes(name: name) {
        result.insert(type)
      } else {
        report("unknown type '\(name)'", at: value)
      }
    }
    return names.isEmpty ? .any : result
  }

  private func strings(_ value: Node) -> [String] {
    (value.sequence ?? []).compactMap(\.string)
  }

  private func number(_ value: Node) -> Double? {
    switch value.scalar {
    case .int(let number): Double(number)
    case .float(let number): number
    default: nil
    }
  }

  private mutating func pattern(_ value: Node) -> SchemaNode.Pattern? {
    switch PatternDiagnostic.compile(value) {
    case .success(let pattern):
      return pattern
    case .failure(let finding):
      diagnostics.append(finding)
      return nil
    case nil:
      return nil
    }
  }

  // MARK: Nodes

  private mutating func append(_ node: SchemaNode) -> Int {
    nodes.append(node)
    return nodes.count - 1
  }

  private mutating func sharedIndex(_ kind: SharedNode) -> Int {
    if let index = shared[kind] { return index }
    var node = SchemaNode.Draft()
    switch kind {
    case .anything: break
    case .nothing: node.types = []
    case .string: node.types = .string
    case .object: node.types = .object
    }
    let index = append(SchemaNode(node))
    shared[kind] = index
    return index
  }

  private mutating func report(_ message: String, at node: Node) {
    diagnostics.append(.input(message, at: node.location))
  }
}
