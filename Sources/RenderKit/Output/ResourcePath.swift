/// Where a resource is written: `<env>/<service>/<kind>-<name>.yaml`, or
/// `<env>/_environment/<kind>-<name>.yaml` for an environment's own resources.
public enum ResourcePath {
  public static let environmentFolder = "_environment"

  public static func path(for resource: Resource) -> String {
    let folder = resource.service ?? environmentFolder
    // One buffer for the whole path: this runs for every rendered resource.
    if let plain = asciiFileName(
      kind: resource.kind, name: resource.name,
      prefix: [
        resource.environment, folder,
      ])
    {
      return plain
    }
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
    if let plain = asciiFileName(kind: kind, name: name) { return plain }
    let full = plainFileName(kind: kind, name: name)
    guard full.utf8.count > maximumFileNameLength else { return full }
    let suffix = "-" + SHA256.hex(SHA256.digest(Array("\(kind)/\(name)".utf8)).prefix(8)) + ".yaml"
    // Every character of a plain file name is ASCII: one byte each.
    let stem = full.dropLast(".yaml".count).prefix(maximumFileNameLength - suffix.utf8.count)
    return stem + suffix
  }

  /// `<prefix>/.../<kind>-<name>.yaml` built in one pass over the bytes, when `kind` and
  /// `name` are ASCII and the file name fits; `nil` otherwise (non-ASCII text lowercases
  /// by Unicode rules, and a long name is cut and hashed: `fileName` does both).
  static func asciiFileName(kind: String, name: String, prefix: [String] = []) -> String? {
    let nameLength = kind.utf8.count + name.utf8.count + 6
    guard nameLength <= maximumFileNameLength else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(prefix.reduce(nameLength) { $0 + $1.utf8.count + 1 })
    for folder in prefix {
      bytes += folder.utf8
      bytes.append(0x2F /* / */)
    }
    func append(_ text: String) -> Bool {
      let start = bytes.count
      for byte in text.utf8 {
        switch byte {
        case 0x61...0x7A /* a-z */, 0x30...0x39 /* 0-9 */,
          0x2D /* - */, 0x2E /* . */:
          bytes.append(byte)
        case 0x41...0x5A /* A-Z */:
          bytes.append(byte + 32)
        case 0..<0x80:
          bytes.append(0x5F /* _ */)
        default:
          return false
        }
      }
      if bytes.count > start && bytes[start] == 0x2E /* . */ {
        bytes[start] = 0x5F /* _ */
      }
      return true
    }
    guard append(kind) else { return nil }
    bytes.append(0x2D /* - */)
    guard append(name) else { return nil }
    bytes += ".yaml".utf8
    return String(decoding: bytes, as: UTF8.self)
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
