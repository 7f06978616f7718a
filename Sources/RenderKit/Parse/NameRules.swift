/// The names SPEC.md allows for services, environments and templates.
enum NameRules {
  /// A DNS-1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters. Such a name
  /// can never be a path (`..`, `/`) or a hidden file.
  static func isDNSLabel(_ name: String) -> Bool {
    isDNSName(name, maxLength: 63, dots: false)
  }

  /// Lowercase letters, digits and `-` (and `.` when `dots`), starting and ending with a
  /// letter or digit, at most `maxLength` bytes: a DNS-1123 label, or with dots the
  /// shape of a DNS-1123 subdomain.
  static func isDNSName(_ name: String, maxLength: Int, dots: Bool) -> Bool {
    let bytes = Array(name.utf8)
    guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
    func alphanumeric(_ byte: UInt8) -> Bool {
      (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }
    guard let first = bytes.first, let last = bytes.last, alphanumeric(first), alphanumeric(last)
    else { return false }
    return bytes.allSatisfy {
      alphanumeric($0) || $0 == UInt8(ascii: "-") || (dots && $0 == UInt8(ascii: "."))
    }
  }

  /// The finding for a folder whose name is not a DNS-1123 label.
  static func invalidName(_ name: String, kind: String, at location: SourceLocation) -> Diagnostic {
    .input(
      "\(kind) name '\(name)' is not a DNS-1123 label", at: location,
      help:
        "use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters"
    )
  }

  /// A relative folder path inside a base folder: no `..`, not absolute, not empty.
  static func isSafeRelativePath(_ path: String) -> Bool {
    guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\") else { return false }
    return !path.split(separator: "/").contains("..")
  }
}
