import Synchronization

/// The schemas of one Kubernetes version plus custom resources; built once per run,
/// shared by all validation (Sendable).
///
/// Schemas are compiled once into `SchemaNode`s (references resolved, properties in
/// dictionaries); validating a resource is then one walk over its tree. Validation is
/// strict: a field the schema does not know is an error, since the API server would
/// reject it (built-in kinds) or silently drop it (custom resources).
public final class KubernetesSchema: Sendable, MergeStrategyProvider {
  /// The Kubernetes version of the built-in schemas, e.g. `1.31.0`.
  public let kubernetesVersion: String
  /// Built-in kinds: the definition that is each one's schema, compiled on first use.
  private let definitionRoots: [SchemaKey: String]
  /// Custom resources: compiled when added.
  private let customRoots: [SchemaKey: Int]
  /// For custom resources: the CRD that defined each, for duplicate findings.
  private let origins: [SchemaKey: String]
  /// The compiled nodes and the definitions not compiled yet. Validation runs on every
  /// core and compiles what it needs as it goes; the lock is held while one resource's
  /// schema is looked up (and compiled the first time), not while it is validated.
  private let compiler: Mutex<SchemaCompiler>

  private init(
    kubernetesVersion: String, compiler: SchemaCompiler, definitionRoots: [SchemaKey: String],
    customRoots: [SchemaKey: Int], origins: [SchemaKey: String]
  ) {
    self.kubernetesVersion = kubernetesVersion
    self.compiler = Mutex(compiler)
    self.definitionRoots = definitionRoots
    self.customRoots = customRoots
    self.origins = origins
  }

  // MARK: Loading

  /// Reads the embedded Kubernetes 1.31 schemas (see `SCHEMA-SOURCE.md`): each call
  /// reads them anew, so a command reads them once (`BundledSchema`) and passes the
  /// result on. Each definition is compiled when a resource first needs it (a test
  /// compiles them all). The bundle's locations are numbered in a table of its own:
  /// they appear only in its own load errors (a bug in render), never in a finding
  /// about a repository.
  public static func loadBundled() throws(SchemaLoadError) -> KubernetesSchema {
    try load(
      definitions: KubernetesSchemaBundle.json, file: "<bundled Kubernetes schema>",
      fileNames: SourceFileNames(), compile: .onFirstUse)
  }

  /// Loads a JSON Schema document whose `$defs` (or `definitions`) are Kubernetes
  /// definitions carrying `x-kubernetes-group-version-kind`: the bundle format written by
  /// `Scripts/update-kubernetes-schema.py`, and also a `_definitions.json` as
  /// kubernetes-validate and kubeconform ship it.
  /// - Parameters:
  ///   - file: the path recorded in findings about the document.
  ///   - fileNames: the table `file` is numbered in.
  public static func load(
    definitions text: String, file: String, fileNames: SourceFileNames,
    kubernetesVersion: String? = nil,
    compile: CompileSchedule = .eagerly
  ) throws(SchemaLoadError) -> KubernetesSchema {
    // The bundle is JSON, read by the JSON parser: several times faster than going
    // through libyaml, and it is read on every run.
    let document: Node
    do {
      document = try JSONParser.parse(text, file: file, fileNames: fileNames)
    } catch {
      // Each problem keeps its own line and column.
      throw SchemaLoadError(
        "\(file) is not valid JSON", fileNames: fileNames,
        diagnostics: error.errors.map { .input($0.message, at: $0.location) })
    }
    guard let entries = (document["$defs"] ?? document["definitions"])?.mapping else {
      throw SchemaLoadError(
        "\(file) has no '$defs' or 'definitions' mapping", fileNames: fileNames)
    }
    var compiler = SchemaCompiler()
    switch compile {
    case .eagerly: compiler.compileDefinitions(entries)
    case .onFirstUse: compiler.addDefinitions(entries)
    }
    if !compiler.diagnostics.isEmpty {
      throw SchemaLoadError(
        "\(file) has schemas render cannot read", fileNames: fileNames,
        diagnostics: compiler.diagnostics)
    }
    return KubernetesSchema(
      kubernetesVersion: kubernetesVersion ?? document["x-kubernetes-version"]?.string ?? "unknown",
      compiler: compiler, definitionRoots: SchemaCompiler.groupVersionKinds(of: entries),
      customRoots: [:], origins: [:])
  }

  /// Adds CustomResourceDefinitions (parsed CRD documents, apiextensions.k8s.io/v1): each
  /// served version's openAPIV3Schema, with structural-schema rules
  /// (x-kubernetes-preserve-unknown-fields, list-type map).
  ///
  /// Findings (rule `input`, at the CRD's lines) cover documents that are not v1 CRDs,
  /// missing names or schemas, schema keywords render cannot read, and a kind defined
  /// twice; the rest of the CRDs are still added.
  public func adding(crds: [Node]) -> (schema: KubernetesSchema, diagnostics: [Diagnostic]) {
    var compiler = self.compiler.withLock { $0 }
    // Findings of earlier compiles (the bundle's, found when first used, or a previous
    // call's CRDs) are not this call's.
    compiler.clearDiagnostics()
    var customRoots = self.customRoots
    var origins = self.origins
    var diagnostics: [Diagnostic] = []
    for crd in crds {
      let read = CRDReader.read(crd)
      diagnostics += read.diagnostics
      for version in read.versions {
        let key = SchemaKey(apiVersion: version.apiVersion, kind: version.kind)
        if customRoots[key] != nil || definitionRoots[key] != nil {
          let previous = origins[key].map { "CustomResourceDefinition '\($0)'" } ?? "Kubernetes"
          diagnostics.append(
            .input(
              "\(version.apiVersion) \(version.kind) is already defined by \(previous)",
              at: version.location))
          continue
        }
        customRoots[key] = compiler.compileCustomResource(version.schema, kind: version.kind)
        origins[key] = read.name
      }
    }
    diagnostics += compiler.diagnostics
    let schema = KubernetesSchema(
      kubernetesVersion: kubernetesVersion, compiler: compiler, definitionRoots: definitionRoots,
      customRoots: customRoots, origins: origins)
    return (schema, diagnostics)
  }

  /// The nodes and the index of the schema of resources of `key`, compiling the
  /// definition on first use.
  private func root(_ key: SchemaKey) -> (nodes: [SchemaNode], index: Int)? {
    if let index = customRoots[key] {
      return (compiler.withLock { $0.nodes }, index)
    }
    guard let name = definitionRoots[key] else { return nil }
    return compiler.withLock { compiler in
      compiler.definition(named: name).map { (compiler.nodes, $0) }
    }
  }

  // MARK: Using

  /// Whether resources of this apiVersion and kind can be validated: a built-in kind of
  /// this Kubernetes version or an added CRD's served version.
  public func hasSchema(apiVersion: String, kind: String) -> Bool {
    let key = SchemaKey(apiVersion: apiVersion, kind: kind)
    return customRoots[key] != nil || definitionRoots[key] != nil
  }

  /// rule `schema` findings. Each points at the offending node's location (for an
  /// unknown field: the key's location), says what is wrong with a did-you-mean for
  /// unknown fields, and carries a related entry naming `renderedPath` and the field
  /// path, e.g. "in rendered/prod/checkout/deployment-checkout.yaml at
  /// spec.template.spec.containers[0].imagePullPolicy".
  ///
  /// A resource without a schema (see `hasSchema`) has no findings here.
  public func validate(_ resource: Resource, renderedPath: String) -> [Diagnostic] {
    let kind = resource.kind
    guard let (nodes, root) = root(SchemaKey(apiVersion: resource.apiVersion, kind: kind)) else {
      return []
    }
    var validator = SchemaValidator(nodes: nodes, renderedPath: renderedPath, kind: kind)
    validator.validate(resource.body, against: root, fallback: resource.source)
    return validator.diagnostics
  }

  /// How a strategic merge patch treats the list at `path`: the built-in schema's
  /// `x-kubernetes-patch-merge-key` / `x-kubernetes-patch-strategy: merge` (as kubectl
  /// reads them); for custom resources also `x-kubernetes-list-type: map` (by the first
  /// of `x-kubernetes-list-map-keys`) and `set`. Anything unknown replaces.
  public func listStrategy(apiVersion: String, kind: String, path: [String]) -> ListMergeStrategy {
    guard let (nodes, root) = root(SchemaKey(apiVersion: apiVersion, kind: kind)) else {
      return .replace
    }
    var index = root
    for key in path {
      guard let child = Self.child(of: index, key: key, in: nodes) else { return .replace }
      index = child
    }
    return nodes[index].listStrategy
  }

  /// The schema of field `key` below node `index`, stepping into list items first since
  /// merge paths leave indexes out, and into `allOf` (a `$ref` with siblings).
  private static func child(
    of index: Int, key: String, in nodes: [SchemaNode], depth: Int = 0
  ) -> Int? {
    var index = index
    while let items = nodes[index].items { index = items }
    let node = nodes[index]
    if let property = node.properties[key] { return property }
    if let additional = node.additionalProperties { return additional }
    guard depth < 8 else { return nil }
    for member in node.allOf {
      if let found = child(of: member, key: key, in: nodes, depth: depth + 1) { return found }
    }
    return nil
  }
}
