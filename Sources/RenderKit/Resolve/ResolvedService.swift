/// One service in one environment with every layer applied: what the template stage
/// renders.
public struct ResolvedService: Sendable {
  public var service: Service
  public var environment: ResolvedEnvironment
  public var enabled: Located<Bool>?
  public var image: Located<String>?
  public var version: Located<String>?
  /// The namespace its resources get: the override's, else the environment's.
  public var namespace: Located<String>?
  /// Labels for every resource of the service (a mapping of strings).
  public var labels: Node
  /// Annotations for every resource of the service (a mapping of strings), merged like
  /// labels.
  public var annotations: Node = .mapping([])
  /// `replicas` from the overrides (vendored manifests only), the leaf-most one.
  public var replicas: Located<Int>?
  /// The generated ConfigMaps and Secrets, every layer's `behavior` applied.
  public var generators: [ConfigGenerator] = []
  /// The template parameters, merged, defaulted and checked (a mapping).
  public var values: Node
  /// Every layer of values, least specific first.
  public var layers: [ValueLayer]
  /// The overrides of this service along the environment chain, root first.
  public var overrides: [ServiceOverride]

  public var name: String { service.name }
  public var isEnabled: Bool { enabled?.value ?? true }

  /// `image:tag`, or `image@sha256:…` for a digest; `nil` without an image.
  public var imageRef: String? {
    guard let image = image?.value, let version = version?.value else { return nil }
    return ImageReference.reference(image: image, version: version)
  }

  /// The template scope's `service`: name, image, version, imageRef, namespace, labels.
  public var scopeNode: Node {
    func located(_ value: Located<String>?) -> Node {
      value.map { .string($0.value, at: $0.location) } ?? .null()
    }
    let refLocation = version?.location ?? image?.location ?? .generated
    return .mapping([
      .init("name", .string(name)),
      .init("image", located(image)),
      .init("version", located(version)),
      .init("imageRef", imageRef.map { .string($0, at: refLocation) } ?? .null()),
      .init("namespace", located(namespace)),
      .init("labels", labels),
    ])
  }
}
