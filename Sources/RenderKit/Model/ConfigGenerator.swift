/// A generated ConfigMap or Secret (`configMapGenerator` / `secretGenerator` in
/// service.yaml or an override), as kustomize's generators: data from literals and
/// files, a name suffix computed from the content, every reference rewritten.
public struct ConfigGenerator: Sendable {
  public enum Kind: String, Sendable {
    case configMap = "ConfigMap"
    case secret = "Secret"

    /// The key that declares generators of this kind.
    public var key: String { self == .configMap ? "configMapGenerator" : "secretGenerator" }
  }

  /// How an override's generator meets the one of the same name from an earlier layer.
  public enum Behavior: String, Sendable, CaseIterable {
    /// A new generator: an error when an earlier layer declares the name.
    case create
    /// The earlier layer's data with these keys set over it (new keys appended).
    case merge
    /// These data instead of the earlier layer's.
    case replace
  }

  /// One data key, with where its value was written (the literal, or the `files` item).
  public struct Entry: Sendable {
    public var key: String
    public var value: String
    public var location: SourceLocation

    public init(key: String, value: String, location: SourceLocation) {
      self.key = key
      self.value = value
      self.location = location
    }
  }

  public var kind: Kind
  public var name: Located<String>
  public var behavior: Located<Behavior>?
  /// The data, in the order layers gave it (rendered sorted by key, as kustomize does).
  public var entries: [Entry]
  /// A Secret's `type` (`Opaque` when unset).
  public var type: Located<String>?
  /// `true`: the name keeps no content hash (kustomize's `disableNameSuffixHash`).
  public var disableNameSuffixHash: Located<Bool>?
  /// The item that declares it.
  public var location: SourceLocation

  public init(
    kind: Kind, name: Located<String>, behavior: Located<Behavior>? = nil, entries: [Entry],
    type: Located<String>? = nil, disableNameSuffixHash: Located<Bool>? = nil,
    location: SourceLocation
  ) {
    self.kind = kind
    self.name = name
    self.behavior = behavior
    self.entries = entries
    self.type = type
    self.disableNameSuffixHash = disableNameSuffixHash
    self.location = location
  }

  /// Whether the rendered name gets the content hash.
  public var hashesName: Bool { !(disableNameSuffixHash?.value ?? false) }

  /// The generated object, named without its hash (the build adds it after patches).
  public var manifest: Node {
    let sorted = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    let data = Node.mapping(
      sorted.map { entry in
        let value =
          kind == .secret ? Base64.encode(Array(entry.value.utf8)) : entry.value
        return Node.Entry(
          key: entry.key, keyLocation: entry.location,
          value: .string(value, at: entry.location))
      }, at: location)
    var entries: [Node.Entry] = [
      .init("apiVersion", .string("v1", at: location)),
      .init("kind", .string(kind.rawValue, at: location)),
      .init(
        "metadata", .mapping([.init("name", .string(name.value, at: name.location))], at: location)),
    ]
    if !sorted.isEmpty { entries.append(.init("data", data)) }
    if kind == .secret {
      entries.append(
        .init("type", .string(type?.value ?? "Opaque", at: type?.location ?? location)))
    }
    return .mapping(entries, at: location)
  }
}
