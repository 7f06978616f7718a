/// What exists in one environment for a reference to resolve against: the rendered
/// resources by kind, namespace and name, and the `external:` objects, built once per
/// check so each lookup is a dictionary access.
struct ObjectIndex: Sendable {
  /// A rendered resource as a lookup finds it.
  struct Entry: Sendable {
    /// Index into `ValidationContext.resources`.
    var resource: Int
    var group: String
  }

  /// The namespace each resource is (or will be) in, by index; "" for cluster-scoped
  /// resources and when neither the resource nor the environment names one.
  let namespaces: [String]
  /// kind -> namespace -> name -> resources (one, unless the `unique` rule fires).
  private var rendered: [String: [String: [String: [Entry]]]] = [:]
  /// kind -> name -> the first listing.
  private var external: [String: [String: ExternalObject]] = [:]

  init(_ context: ValidationContext) {
    namespaces = context.resources.map { Self.namespace(of: $0, in: context) }
    for (index, resource) in context.resources.enumerated() {
      rendered[resource.kind, default: [:]][namespaces[index], default: [:]][
        resource.name, default: []
      ].append(Entry(resource: index, group: resource.group))
    }
    for object in context.external where external[object.kind]?[object.name] == nil {
      external[object.kind, default: [:]][object.name] = object
    }
  }

  /// The namespace `resource` is in: its own, else the one render gives it (its
  /// service's override's or the environment's), else "".
  static func namespace(of resource: RenderedResource, in context: ValidationContext) -> String {
    guard context.scope.isNamespaced(resource) else { return "" }
    return resource.namespace ?? context.expectedNamespace(of: resource.resource) ?? ""
  }

  /// The rendered resource of `kind` named `name` in `namespace`; `group` nil matches any
  /// API group.
  func resource(_ kind: String, group: String?, named name: String, in namespace: String) -> Int? {
    rendered[kind]?[namespace]?[name]?.first { group == nil || $0.group == group }?.resource
  }

  func external(_ kind: String, named name: String) -> ExternalObject? {
    external[kind]?[name]
  }

  func exists(_ kind: String, group: String?, named name: String, in namespace: String) -> Bool {
    resource(kind, group: group, named: name, in: namespace) != nil
      || external(kind, named: name) != nil
  }

  /// The names a reference to `kind` in `namespace` could have meant: rendered ones there
  /// and external ones.
  func names(of kind: String, group: String?, in namespace: String) -> [String] {
    let local = (rendered[kind]?[namespace] ?? [:]).filter { _, entries in
      entries.contains { group == nil || $0.group == group }
    }
    return Array(local.keys) + (external[kind].map { Array($0.keys) } ?? [])
  }

  /// Resources of `kind` named `name` in namespaces other than `namespace`: the reference
  /// is right but the resource is in the wrong place.
  func elsewhere(
    _ kind: String, group: String?, named name: String, notIn namespace: String
  ) -> [Int] {
    let others = (rendered[kind] ?? [:]).keys.sorted().filter { $0 != namespace }
    return others.flatMap { other in
      let entries = rendered[kind]?[other]?[name] ?? []
      return entries.filter { group == nil || $0.group == group }.map(\.resource)
    }
  }
}
