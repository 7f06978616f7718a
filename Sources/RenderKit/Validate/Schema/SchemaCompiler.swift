/// Compiles JSON Schema documents, parsed into `Node` trees, into `SchemaNode`s.
///
/// The same compiler reads the bundled Kubernetes definitions and the `openAPIV3Schema`
/// of CRDs; `Dialect` holds where the two differ. Reading schemas as `Node`s (the bundle
/// is JSON, which our YAML parser reads) means one reader for both, with source
/// locations for findings about a CRD.
struct SchemaCompiler {
  static let objectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
  static let quantityDefinition = "io.k8s.apimachinery.pkg.api.resource.Quantity"

  private(set) var nodes: [SchemaNode]
  /// Definition name (`io.k8s.api.core.v1.Container`) to node index.
  private(set) var definitions: [String: Int]
  /// Findings about the schemas themselves (rule `input`): a CRD with a bad pattern, an
  /// unknown type, a `$ref` nothing defines.
  private(set) var diagnostics: [Diagnostic] = []
  private var shared: [SharedNode: Int] = [:]

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
  mutating func reserve(_ name: String) -> Int? {
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

  /// Compiles a CRD version's `openAPIV3Schema` as the schema of a whole resource.
  mutating func compileCustomResource(_ schema: Node, kind: String) -> Int {
    var node = compileNode(schema, dialect: .customResource, title: kind, inJunctor: false)
    addResourceFields(to: &node)
    return append(SchemaNode(node))
  }

  /// `apiVersion`, `kind` and `metadata` are valid on every resource whatever its schema
  /// says, and the API server validates `metadata` as `ObjectMeta`; CRD schemas often
  /// say just `metadata: {type: object}`, which would otherwise reject every label.
  mutating func addResourceFields(to node: inout SchemaNode.Draft) {
    node.properties["apiVersion"] = sharedIndex(.string)
    node.properties["kind"] = sharedIndex(.string)
    node.properties["metadata"] =
      definition(named: Self.objectMetaDefinition) ?? sharedIndex(.object)
  }

  mutating func append(_ node: SchemaNode) -> Int {
    nodes.append(node)
    return nodes.count - 1
  }

  mutating func sharedIndex(_ kind: SharedNode) -> Int {
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

  mutating func report(_ message: String, at node: Node) {
    report(.input(message, at: node.location))
  }

  /// The one place findings are added: `diagnostics` is read-only outside this file.
  mutating func report(_ finding: Diagnostic) {
    diagnostics.append(finding)
  }
}
