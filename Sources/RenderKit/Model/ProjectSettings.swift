/// `render.yaml`: project-wide settings. Every field has a default, so the file is
/// optional.
public struct ProjectSettings: Sendable {
  /// The output folder, relative to the root.
  public var output: String = "rendered"
  /// Where render.yaml sets `output`; `nil` when it does not.
  public var outputLocation: SourceLocation?
  public var kubernetesVersion: String = "1.31"
  /// Where render.yaml sets `kubernetesVersion`, for findings about it; `nil` when it
  /// does not (findings then point at the start of render.yaml).
  public var kubernetesVersionLocation: SourceLocation?
  /// Extra folders of CRD or JSON schemas, relative to the root.
  public var schemas: [Located<String>] = []
  /// API groups whose resources are not schema-checked.
  public var uncheckedGroups: [Located<String>] = []
  public var argoCD: ArgoCDSettings?
  public var flux: FluxSettings?
  /// `promotion`: the order versions travel through environments (`[dev, staging,
  /// prod, prod-eu]`). `render versions` uses it for its columns and marks a version
  /// that differs from the one in the environment before it. `nil` when not set.
  public var promotion: [Located<String>]?

  public init() {}
}
