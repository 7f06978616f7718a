/// Turns one resolved service into its resources: every document of every template
/// file whose condition holds, rendered with `service`, `values` and `env` in scope; or
/// the documents of a `manifests:` folder as they are.
public struct ServiceRenderer: Sendable {
  public let platform: Platform

  public init(platform: Platform) {
    self.platform = platform
  }

  public func render(
    _ resolved: ResolvedService
  ) -> (resources: [Resource], diagnostics: [Diagnostic]) {
    var untraced = UntracedTemplate()
    return render(resolved, tracing: &untraced)
  }

  /// Renders like `render(_:)`, telling `trace` where each node of each template
  /// document came from: `render explain` renders through here, as a build does.
  func render<Trace: TemplateTrace>(
    _ resolved: ResolvedService, tracing trace: inout Trace
  ) -> (resources: [Resource], diagnostics: [Diagnostic]) {
    var resources: [Resource] = []
    var diagnostics: [Diagnostic] = []
    let context = Diagnostic.Related(
      "while rendering service '\(resolved.name)' for environment '\(resolved.environment.name)'")

    switch resolved.service.source {
    case .template(let name):
      guard let template = platform.templates[name.value] else { return ([], []) }
      let scope = Self.scope(for: resolved, fileNames: platform.fileNames)
      for file in template.files {
        if let condition = file.condition {
          switch condition.evaluate(in: scope) {
          case .success(false): continue
          case .success(true): break
          case .failure(let diagnostic):
            diagnostics.append(diagnostic.adding(context))
            continue
          }
        }
        let renderer = TemplateRenderer(scope: scope, templates: file.scalarTemplates)
        for document in file.documents {
          let (rendered, found) = renderer.render(document, tracing: &trace)
          diagnostics += found.map { $0.adding(context) }
          // A document with errors is incomplete: checking it further would only report
          // the same mistake again as a schema error.
          guard let rendered, !found.hasErrors else { continue }
          resources += Self.resources(
            rendered, service: resolved.name, environment: resolved.environment.name,
            source: document.location, diagnostics: &diagnostics)
        }
      }
      if let extra = resolved.service.extraManifests {
        resources +=
          Self.manifestResources(
            extra.files, of: resolved, diagnostics: &diagnostics
          ).resources
      }
    case .manifests(_, let files):
      var (found, pinned) = Self.manifestResources(files, of: resolved, diagnostics: &diagnostics)
      if let replicas = resolved.replicas {
        var scaled = 0
        for index in found.indices
        where ["Deployment", "StatefulSet", "ReplicaSet"].contains(found[index].kind)
          && found[index].group == "apps"
        {
          found[index].body.update("spec", default: .mapping([])) { spec in
            spec.set("replicas", to: .scalar(.int(replicas.value), at: replicas.location))
          }
          scaled += 1
        }
        if scaled == 0, !files.isEmpty {
          diagnostics.append(
            .input(
              "'replicas' for service '\(resolved.name)' scales nothing: its manifests have no Deployment, StatefulSet or ReplicaSet",
              at: replicas.location))
        }
      }
      resources += found
      // A pin that reaches no container would let versions.yaml claim a version that
      // nothing runs.
      if let image = resolved.image, resolved.version != nil, pinned == 0, !files.isEmpty {
        diagnostics.append(
          .input(
            "image '\(image.value)' of service '\(resolved.name)' matches no container of its manifests, so its version pins nothing",
            at: image.location,
            help: "write the repository exactly as the manifests' images do, without a tag"))
      }
    }
    for generator in resolved.generators {
      var resource = Resource(
        body: generator.manifest, service: resolved.name,
        environment: resolved.environment.name, source: generator.location)
      resource.hashesName = generator.hashesName
      resources.append(resource)
    }
    return (resources, diagnostics)
  }

  /// The documents of plain manifest files as resources, with the service's image pinned
  /// where a container runs it.
  /// - Returns: the resources, and how many containers the pin reached.
  static func manifestResources(
    _ files: [ManifestFile], of resolved: ResolvedService, diagnostics: inout [Diagnostic]
  ) -> (resources: [Resource], pinned: Int) {
    let imageRewriter = ImageRewriter(image: resolved.image?.value, version: resolved.version)
    var resources: [Resource] = []
    var pinned = 0
    for file in files {
      for document in file.documents {
        let found = Self.resources(
          document, service: resolved.name, environment: resolved.environment.name,
          source: document.location, diagnostics: &diagnostics)
        for var resource in found {
          pinned += imageRewriter.apply(to: &resource.body)
          resources.append(resource)
        }
      }
    }
    return (resources, pinned)
  }

  /// What a service's templates see: `service`, `values` and `env`.
  public static func scope(
    for resolved: ResolvedService, fileNames: SourceFileNames
  ) -> TemplateScope {
    TemplateScope(
      [
        "service": resolved.scopeNode,
        "values": resolved.values,
        "env": resolved.environment.scopeNode,
      ], fileNames: fileNames)
  }

  /// The resources of a rendered document: the document itself, or, for a `kind: List`
  /// (or any `*List` kind with `items`, as kubectl, kustomize and Argo CD read them),
  /// each of its items, checked and located on its own.
  static func resources(
    _ body: Node, service: String?, environment: String, source: SourceLocation,
    diagnostics: inout [Diagnostic]
  ) -> [Resource] {
    guard let kind = body["kind"]?.string, kind.hasSuffix("List"), body.isMapping,
      kind == "List" || body["items"] != nil
    else {
      return resource(
        body, service: service, environment: environment, source: source,
        diagnostics: &diagnostics
      ).map { [$0] } ?? []
    }
    guard let items = body["items"]?.sequence else {
      let items = body.entry("items")
      diagnostics.append(
        .input(
          "a '\(kind)' needs 'items', a list of manifests, not \(items?.value.typeDescription ?? "nothing")",
          at: items?.value.location ?? body.location))
      return []
    }
    var resources: [Resource] = []
    for item in items {
      let itemSource = item.location.isKnown ? item.location : source
      resources += Self.resources(
        item, service: service, environment: environment, source: itemSource,
        diagnostics: &diagnostics)
    }
    return resources
  }

  /// Checks that a rendered document is a Kubernetes object: a mapping with string
  /// `apiVersion`, `kind` and `metadata.name`.
  static func resource(
    _ body: Node, service: String?, environment: String, source: SourceLocation,
    diagnostics: inout [Diagnostic]
  ) -> Resource? {
    guard body.isMapping else {
      diagnostics.append(
        .input("a manifest must be a mapping, not \(body.typeDescription)", at: body.location))
      return nil
    }
    if let metadata = body["metadata"], !metadata.isMapping, !metadata.isNull {
      // Said where it is written: "needs metadata.name" at the document would hide why.
      diagnostics.append(
        .input(
          "'metadata' must be a mapping, not \(metadata.typeDescription)",
          at: metadata.location.isKnown ? metadata.location : body.location,
          help: "write the object's metadata as a mapping: metadata: {name: …}"))
      return nil
    }
    var missing: [String] = []
    if body["apiVersion"]?.string?.isEmpty ?? true { missing.append("apiVersion") }
    if body["kind"]?.string?.isEmpty ?? true { missing.append("kind") }
    if body["metadata"]?["name"]?.string?.isEmpty ?? true { missing.append("metadata.name") }
    guard missing.isEmpty else {
      diagnostics.append(
        .input(
          "a manifest needs a string \(missing.joined(separator: ", ")); this one has none",
          at: body.location))
      return nil
    }
    return Resource(body: body, service: service, environment: environment, source: source)
  }
}

extension Diagnostic {
  /// The same finding with one more related note.
  func adding(_ related: Related) -> Diagnostic {
    var copy = self
    copy.related.append(related)
    return copy
  }
}
