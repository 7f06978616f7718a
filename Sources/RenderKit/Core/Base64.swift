/// Base64 (RFC 4648, standard alphabet, with padding), for the `b64enc` filter: Secret
/// `data` wants it, and Foundation is not needed for twenty lines.
enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".unicodeScalars)

  static func encode(_ bytes: [UInt8]) -> String {
    var output = String.UnicodeScalarView()
    var index = 0
    while index < bytes.count {
      let remaining = bytes.count - index
      let b0 = UInt32(bytes[index])
      let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
      let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
      let group = b0 << 16 | b1 << 8 | b2
      output.append(alphabet[Int(group >> 18 & 0x3F)])
      output.append(alphabet[Int(group >> 12 & 0x3F)])
      output.append(remaining > 1 ? alphabet[Int(group >> 6 & 0x3F)] : "=")
      output.append(remaining > 2 ? alphabet[Int(group & 0x3F)] : "=")
      index += 3
    }
    return String(output)
  }
}
