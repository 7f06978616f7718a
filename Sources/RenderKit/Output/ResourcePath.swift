/// Where a resource is written: `<env>/<service>/<kind>-<name>.yaml`, or
/// `<env>/_environment/<kind>-<name>.yaml` for an environment's own resources.
public enum ResourcePath {
  public static let environmentFolder = "_environment"

  public static func path(for resource: Resource) -> String {
    let folder = resource.service ?? environmentFolder
    return "\(resource.environment)/\(folder)/\(fileName(kind: resource.kind, name: resource.name))"
  }

  /// `<kind>-<name>.yaml`, lowercased, with anything but `[a-z0-9.-]` (the `:` of
  /// `system:` role names, say) replaced by `_`, so a name can never leave its folder.
  public static func fileName(kind: String, name: String) -> String {
    func clean(_ text: String) -> String {
      var result = String(
        text.lowercased().unicodeScalars.map { scalar -> Character in
          let allowed =
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
            || scalar == "."
          return allowed ? Character(scalar) : "_"
        })
      if result.hasPrefix(".") { result = "_" + result.dropFirst() }
      return result
    }
    return "\(clean(kind))-\(clean(name)).yaml"
  }
}
