/// The names of a repository's environments and services, read from its
/// folders alone (no parsing): quick enough for shell completion, and useful while the
/// inputs do not parse.
public enum RepositoryNames {
  /// Environments with an `environment.yaml`, abstract ones included (they can be named
  /// where inherited settings are explained).
  public static func environments(root: String) -> [String] {
    names(in: root + "/environments", holding: "environment.yaml")
  }

  public static func services(root: String) -> [String] {
    names(in: root + "/services", holding: "service.yaml")
  }

  /// Subfolders of `folder` with valid names that hold `file`, sorted; none when the
  /// folder cannot be read.
  static func names(in folder: String, holding file: String) -> [String] {
    guard let entries = try? FileSystem.listEntries(folder) else { return [] }
    return entries.map(\.name).filter { name in
      NameRules.isDNSLabel(name) && FileSystem.targetType(folder + "/" + name + "/" + file) == .file
    }.sorted()
  }
}
