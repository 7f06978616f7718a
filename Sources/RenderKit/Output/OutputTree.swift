/// What a render wants the output folder to hold: the Output stage's result, before any
/// disk is touched.
public struct OutputTree: Sendable {
  /// The output folder, relative to the repository root (`rendered`).
  public var folder: String
  /// Files sorted by path.
  public var files: [OutputFile]
  /// The parts of the output folder this render is responsible for: generated files
  /// inside them that it no longer produces are stale. `[""]` is the whole folder; a
  /// filtered render owns less (`prod/`, `prod/checkout/`, `versions.yaml`).
  public var ownedPrefixes: [String]
  /// Folders inside the output folder that another tool writes (`flux bootstrap`'s
  /// `_flux/<env>/flux-system/`): render neither touches nor warns about their files.
  public var foreignPrefixes: [String]

  public init(
    folder: String, files: [OutputFile], ownedPrefixes: [String], foreignPrefixes: [String] = []
  ) {
    self.folder = folder
    self.files = files.sorted { $0.path < $1.path }
    self.ownedPrefixes = ownedPrefixes
    self.foreignPrefixes = foreignPrefixes
  }

  public func isForeign(_ path: String) -> Bool {
    foreignPrefixes.contains { path.hasPrefix($0) }
  }

  public func owns(_ path: String) -> Bool {
    ownedPrefixes.contains { $0.isEmpty || path == $0 || ($0.hasSuffix("/") && path.hasPrefix($0)) }
  }

  /// The path as users see it, from the repository root.
  public func displayPath(_ path: String) -> String { folder + "/" + path }
}
