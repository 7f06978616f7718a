#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The name, label and number syntaxes of apimachinery's `pkg/util/validation`, with its
/// messages. Each function returns the reasons a value is invalid (none when it is
/// valid). Hand-written matchers, not regular expressions: they run on every name of
/// every rendered resource.
enum KubernetesSyntax {
  static let dns1123LabelMessage =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
  static let dns1123SubdomainMessage =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
  static let dns1035LabelMessage =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
  static let qualifiedNameMessage =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
  static let labelValueMessage =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
  static let portRangeMessage = "must be between 1 and 65535, inclusive"

  private static func isLowerAlnum(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
  }
  private static func isAlnum(_ c: UInt8) -> Bool {
    isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A)
  }
  private static func isLetter(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A)
  }

  // The matchers read the bytes through a pointer with index loops: they run on every
  // name and label of every rendered resource, and `ArraySlice`s, `allSatisfy` and the
  // other generic algorithms are slow in debug builds (`swift run`).

  /// Runs `body` on the UTF-8 bytes of `value`.
  private static func withBytes(
    _ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool
  ) -> Bool {
    var text = value
    return text.withUTF8(body)
  }

  /// Whether `bytes[start..<end]` is a DNS-1123 label (length aside).
  private static func matchesLabel(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Bool {
    guard start < end, let base = bytes.baseAddress,
      isLowerAlnum(base[start]), isLowerAlnum(base[end - 1])
    else { return false }
    var index = start
    while index < end {
      let byte = base[index]
      if !isLowerAlnum(byte) && byte != 0x2D /* - */ { return false }
      index += 1
    }
    return true
  }

  private static func matchesLabel(_ value: String) -> Bool {
    withBytes(value) { matchesLabel($0, 0, $0.count) }
  }

  /// `IsDNS1123Label`.
  static func dns1123Label(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
    if !matchesLabel(value) { errors.append(dns1123LabelMessage) }
    return errors
  }

  /// `IsDNS1035Label`: a DNS-1123 label that starts with a letter.
  static func dns1035Label(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
    let matches = withBytes(value) { bytes in
      matchesLabel(bytes, 0, bytes.count) && isLetter(bytes[0])
    }
    if !matches { errors.append(dns1035LabelMessage) }
    return errors
  }

  /// Whether `bytes[start..<end]` are dot-separated DNS-1123 labels, in one pass.
  private static func matchesSubdomain(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Bool {
    guard start < end, let base = bytes.baseAddress else { return false }
    var previous: UInt8 = 0x2E /* . */
    var index = start
    while index < end {
      let byte = base[index]
      if byte == 0x2E /* . */ {
        if !isLowerAlnum(previous) { return false }
      } else if byte == 0x2D /* - */ {
        if previous == 0x2E /* . */ { return false }
      } else if !isLowerAlnum(byte) {
        return false
      }
      previous = byte
      index += 1
    }
    return isLowerAlnum(previous)
  }

  /// `IsDNS1123Subdomain`.
  static func dns1123Subdomain(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 253 { errors.append("must be no more than 253 characters") }
    if !withBytes(value, { matchesSubdomain($0, 0, $0.count) }) {
      errors.append(dns1123SubdomainMessage)
    }
    return errors
  }

  /// `IsWildcardDNS1123Subdomain` or `IsDNS1123Subdomain`: Ingress hosts.
  static func host(_ value: String) -> [String] {
    if value.hasPrefix("*.") {
      let rest = dns1123Subdomain(String(value.dropFirst(2)))
      return rest.isEmpty
        ? []
        : [
          "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
        ]
    }
    return dns1123Subdomain(value)
  }

  /// Whether `bytes[start..<end]` is the name part of a qualified name (length aside).
  private static func matchesQualifiedNamePart(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
  ) -> Bool {
    guard start < end, let base = bytes.baseAddress,
      isAlnum(base[start]), isAlnum(base[end - 1])
    else { return false }
    var index = start
    while index < end {
      let byte = base[index]
      if !isAlnum(byte) && byte != 0x2D /* - */ && byte != 0x5F /* _ */ && byte != 0x2E /* . */ {
        return false
      }
      index += 1
    }
    return true
  }

  private static func matchesQualifiedNamePart(_ value: String) -> Bool {
    withBytes(value) { matchesQualifiedNamePart($0, 0, $0.count) }
  }

  /// Whether `value` is a valid qualified name: the common case, without splitting it.
  private static func isQualifiedName(_ value: String) -> Bool {
    withBytes(value) { bytes in
      guard let base = bytes.baseAddress else { return false }
      var slash = 0
      while slash < bytes.count && base[slash] != 0x2F /* / */ { slash += 1 }
      if slash == bytes.count {
        return bytes.count <= 63 && matchesQualifiedNamePart(bytes, 0, bytes.count)
      }
      return slash > 0 && slash <= 253 && bytes.count - slash - 1 <= 63
        && matchesSubdomain(bytes, 0, slash)
        && matchesQualifiedNamePart(bytes, slash + 1, bytes.count)
    }
  }

  /// `IsQualifiedName`: label and annotation keys, `[prefix/]name`.
  static func qualifiedName(_ value: String) -> [String] {
    if isQualifiedName(value) { return [] }
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    var name = Substring(value)
    var errors: [String] = []
    switch parts.count {
    case 1: break
    case 2:
      if parts[0].isEmpty {
        errors.append("prefix part must be non-empty")
      } else {
        errors += dns1123Subdomain(String(parts[0])).map { "prefix part \($0)" }
      }
      name = parts[1]
    default:
      return [
        "a qualified name " + qualifiedNameMessage.dropFirst("name part ".count)
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
      ]
    }
    if name.isEmpty {
      errors.append("name part must be non-empty")
    } else if name.utf8.count > 63 {
      errors.append("name part must be no more than 63 characters")
    }
    if !name.isEmpty && !matchesQualifiedNamePart(String(name)) {
      errors.append(qualifiedNameMessage)
    }
    return errors
  }

  /// `IsValidLabelValue`.
  static func labelValue(_ value: String) -> [String] {
    if value.isEmpty { return [] }
    let count = value.utf8.count
    if count <= 63 && matchesQualifiedNamePart(value) { return [] }
    var errors: [String] = []
    if count > 63 { errors.append("must be no more than 63 characters") }
    if !matchesQualifiedNamePart(value) { errors.append(labelValueMessage) }
    return errors
  }

  /// `IsValidPortName`: an IANA service name.
  static func portName(_ value: String) -> [String] {
    // The common case in one pass: lowercase letters, digits and single inner hyphens.
    var count = 0
    var hasLetter = false
    var previous: UInt8 = 0x2D /* - */
    var valid = true
    for byte in value.utf8 {
      count += 1
      if byte >= 0x61 && byte <= 0x7A {
        hasLetter = true
      } else if byte == 0x2D /* - */ {
        if previous == 0x2D /* - */ { valid = false }
      } else if !(byte >= 0x30 && byte <= 0x39) {
        valid = false
      }
      previous = byte
    }
    if valid && hasLetter && count <= 15 && previous != 0x2D /* - */ { return [] }
    var errors: [String] = []
    let bytes = Array(value.utf8)
    if bytes.count > 15 || bytes.isEmpty { errors.append("must be no more than 15 characters") }
    if !bytes.allSatisfy({ isLowerAlnum($0) || $0 == 0x2D /* - */ }) {
      errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
    }
    if value.contains("--") { errors.append("must not contain consecutive hyphens") }
    if !bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
      errors.append("must contain at least one letter (a-z)")
    }
    if value.hasPrefix("-") || value.hasSuffix("-") {
      errors.append("must not begin or end with a hyphen")
    }
    return errors
  }

  /// `IsConfigMapKey`: keys of ConfigMap and Secret data.
  static func configMapKey(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 253 { errors.append("must be no more than 253 characters") }
    let valid =
      !value.isEmpty
      && value.utf8.allSatisfy {
        isAlnum($0) || $0 == 0x2D /* - */ || $0 == 0x5F /* _ */ || $0 == 0x2E /* . */
      }
    if !valid {
      errors.append(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
      )
    }
    errors += dotNames(value)
    return errors
  }

  /// `IsEnvVarName`.
  static func envVarName(_ value: String) -> [String] {
    let bytes = Array(value.utf8)
    let valid =
      !bytes.isEmpty && !(bytes[0] >= 0x30 && bytes[0] <= 0x39)
      && bytes.allSatisfy {
        isAlnum($0) || $0 == 0x2D /* - */ || $0 == 0x5F /* _ */ || $0 == 0x2E /* . */
      }
    var errors: [String] = []
    if !valid {
      errors.append(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"
      )
    }
    return errors + dotNames(value)
  }

  private static func dotNames(_ value: String) -> [String] {
    if value == "." { return ["must not be '.'"] }
    if value == ".." { return ["must not be '..'"] }
    if value.hasPrefix("..") { return ["must not start with '..'"] }
    return []
  }

  /// `path.IsValidPathSegmentName`: names of RBAC objects and HPA targets.
  static func pathSegmentName(_ value: String) -> [String] {
    if value == "." || value == ".." { return ["may not be '\(value)'"] }
    var errors: [String] = []
    if value.containsByte(0x2F /* / */) { errors.append("may not contain '/'") }
    if value.containsByte(0x25 /* % */) { errors.append("may not contain '%'") }
    return errors
  }

  /// Whether `name` can be an IANA time zone (`Europe/Berlin`, `Etc/UTC`, `UTC`): an area
  /// of the tz database and slash-separated names of letters, digits, `_`, `-` and `+`.
  /// The names themselves are not checked: that would make the verdict depend on the
  /// tz database of the machine running render.
  static func isTimeZoneName(_ name: String) -> Bool {
    let single: Set<String> = [
      "UTC", "GMT", "UCT", "Zulu", "Universal", "Greenwich", "EST", "MST", "HST", "EST5EDT",
      "CST6CDT", "MST7MDT", "PST8PDT", "CET", "EET", "MET", "WET",
    ]
    if single.contains(name) { return true }
    let areas: Set<Substring> = [
      "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Brazil",
      "Canada", "Chile", "Etc", "Europe", "Indian", "Mexico", "Pacific", "US",
    ]
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 2, let area = parts.first, areas.contains(area) else { return false }
    return parts.dropFirst().allSatisfy { part in
      guard let first = part.first, first.isASCII, first.isLetter || first.isNumber
      else { return false }
      return part.allSatisfy {
        $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "+")
      }
    }
  }

  /// An IPv4 or IPv6 address as Go's `net.ParseIP` reads it.
  static func isIP(_ value: String) -> Bool {
    var v4 = in_addr()
    var v6 = in6_addr()
    return inet_pton(AF_INET, value, &v4) == 1 || inet_pton(AF_INET6, value, &v6) == 1
  }

  /// A CIDR as `net.ParseCIDR` reads it: the address bytes and the prefix length.
  static func cidr(_ value: String) -> (bytes: [UInt8], prefix: Int)? {
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let prefix = Int(parts[1]), prefix >= 0,
      !parts[1].hasPrefix("+")
    else { return nil }
    var v4 = in_addr()
    if inet_pton(AF_INET, String(parts[0]), &v4) == 1 {
      guard prefix <= 32 else { return nil }
      return (withUnsafeBytes(of: &v4) { Array($0) }, prefix)
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, String(parts[0]), &v6) == 1 {
      guard prefix <= 128 else { return nil }
      return (withUnsafeBytes(of: &v6) { Array($0) }, prefix)
    }
    return nil
  }

  /// Whether the network `inner` lies inside `outer` and is strictly smaller.
  static func isStrictSubnet(
    _ inner: (bytes: [UInt8], prefix: Int), of outer: (bytes: [UInt8], prefix: Int)
  ) -> Bool {
    guard inner.bytes.count == outer.bytes.count, inner.prefix > outer.prefix else { return false }
    for bit in 0..<outer.prefix {
      let mask = UInt8(0x80) >> UInt8(bit % 8)
      if inner.bytes[bit / 8] & mask != outer.bytes[bit / 8] & mask { return false }
    }
    return true
  }

  /// A percentage as `intstr` reads it (`25%`), without the sign.
  static func percent(_ value: String) -> Int? {
    guard value.hasSuffix("%") else { return nil }
    let digits = value.dropLast()
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
      return nil
    }
    return Int(digits)
  }
}
