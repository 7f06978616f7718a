import CRenderSystem

/// SHA-256 (FIPS 180-4), for the `sha256` filter (config checksums in pod annotations)
/// and the checksum in every generated file's header.
///
/// Computed by `render_sha256` in CRenderSystem, portable C, rather than taken from a
/// crypto package: render needs one pure function and keeps its dependencies few, and C
/// runs at a useful speed in the debug builds `swift run render` makes. (A path with the
/// x86-64 SHA instructions was measured and dropped: under 10% of a 1,000 x 5 build or
/// warm check, see BENCHMARKS.md.)
enum SHA256 {
  /// The 32-byte digest of `message`.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    message.withUnsafeBufferPointer { bytes in
      digest.withUnsafeMutableBufferPointer { output in
        render_sha256(bytes.baseAddress, bytes.count, output.baseAddress)
      }
    }
    return digest
  }

  /// The lowercase hex digest of the UTF-8 bytes of `text`.
  static func hexDigest(of text: String) -> String {
    hex(digest(Array(text.utf8)))
  }

  /// Lowercase hex digits, two per byte.
  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var output: [UInt8] = []
    for byte in bytes {
      output.append(digits[Int(byte >> 4)])
      output.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: output, as: UTF8.self)
  }
}
