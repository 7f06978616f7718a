/// Where a resource is written: `<env>/<service>/<kind>-<name>.yaml`, or
/// `<env>/_environment/<kind>-<name>.yaml` for an environment's own resources.
public enum ResourcePath {
  public static let environmentFolder = "_environment"

  public static func path(for resource: Resource) -> String {
    let folder = resource.service ?? environmentFolder
    return "\(resource.environment)/\(folder)/\(fileName(kind: resource.kind, name: resource.name))"
  }

  /// The longest file name render writes, in bytes: `NAME_MAX` of Linux and macOS file
  /// systems.
  public static let maximumFileNameLength = 255

  /// `<kind>-<name>.yaml`, lowercased, with anything but `[a-z0-9.-]` (the `:` of
  /// `system:` role names, say) replaced by `_`, so a name can never leave its folder.
  /// A name too long for the file system (a 253-character object name with a long kind)
  /// is cut and ends in `-` and 16 hex digits of the SHA-256 of `<kind>/<name>`, so it
  /// stays the same from build to build and differs from every other name.
  public static func fileName(kind: String, name: String) -> String {
    let full = plainFileName(kind: kind, name: name)
    guard full.utf8.count > maximumFileNameLength else { return full }
    let suffix = "-" + SHA256.hex(SHA256.digest(Array("\(kind)/\(name)".utf8)).prefix(8)) + ".yaml"
    // Every character of a plain file name is ASCII: one byte each.
    let stem = full.dropLast(".yaml".count).prefix(maximumFileNameLength - suffix.utf8.count)
    return stem + suffix
  }

  private static func plainFileName(kind: String, name: String) -> String {
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
